import Foundation
import HoebiAPI
import HoebiApp
import HoebiCore
import OpenAPIRuntime

/// `/api/v1/groups/{group}/config`: a group's whole configuration, read and replaced through
/// `GroupEdit` — the command line's and the dashboard's one way of changing a group — so the
/// same rules check it and it is written where the group is kept (hoebi.json or the ledger).
extension APIController {
    func groupConfig(_ input: Operations.GroupConfig.Input) async throws -> Operations.GroupConfig.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        return .ok(.init(body: .json(try Self.document(service.inForce, g.id))))
    }

    func setGroupConfig(_ input: Operations.SetGroupConfig.Input) async throws -> Operations.SetGroupConfig.Output {
        guard let g = visible(input.path.group) else { return .notFound(Self.noSuchGroup) }
        guard case .json(let write) = input.body else { return .badRequest(Self.invalid("a JSON body is needed")) }
        guard let given = Self.object(write.group.additionalProperties) else { return .badRequest(Self.invalid("group must be a JSON object")) }
        guard given["id"] as? String == g.id else { return .badRequest(Self.invalid("group.id must be the path's group, '\(g.id)'")) }
        do {
            _ = try await GroupEdit.apply(
                service.inForce, store: service.store, group: g.id, by: APIRequest.treasurer?.name ?? "api",
                editor: APIRequest.treasurer?.scope ?? .listed([]), version: write.version
            ) { object, _ in
                object = given
                return ""
            }
        } catch let e as GroupEdit.Stale {
            return .conflict(.init(body: .json(Self.problem("changed since version \(e.named): read it again (now \(e.current))", 409))))
        } catch let e as AppError {
            if case .busy(let message) = e { return .conflict(.init(body: .json(Self.problem(message, 409)))) }
            return .badRequest(Self.invalid(e.description))
        } catch let e as ConfigErrors {
            return .badRequest(Self.invalid(e.description))
        }
        await service.reloadIfChanged()
        return .ok(.init(body: .json(try Self.document(service.inForce, g.id))))
    }

    static func document(_ inForce: ConfigInForce, _ id: String) throws -> Schemas.GroupConfig {
        let data = try JSONSerialization.data(withJSONObject: try inForce.object(of: id), options: [.sortedKeys])
        let kept: Schemas.GroupConfig.KeptPayload = inForce.origin(of: id) == .file ? .file : .ledger
        return .init(
            version: GroupEdit.version(of: id, in: inForce), kept: kept,
            group: .init(additionalProperties: try JSONDecoder().decode(OpenAPIObjectContainer.self, from: data)))
    }

    static func invalid(_ message: String) -> Operations.SetGroupConfig.Output.BadRequest { .init(body: .json(problem(message, 400))) }

    static func object(_ container: OpenAPIObjectContainer) -> [String: Any]? {
        guard let data = try? JSONEncoder().encode(container) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}
