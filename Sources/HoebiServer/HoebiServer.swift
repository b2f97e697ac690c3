import Foundation
import HoebiAPI
import HoebiCore
import Hummingbird
import Logging
import Metrics
import OpenAPIHummingbird
import Prometheus
import ServiceLifecycle

/// `hoebi serve`: the dashboard, the members' pages, the JSON API and the scheduled syncs in one
/// process, shut down gracefully on SIGTERM or SIGINT.
public enum HoebiServer {
    public static func run(
        service: HoebiService, host: String, port: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        _ = try Pages.compiled.get()
        PageLanguage.current = PageLanguage.fromEnvironment(service.config.language)
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: Metrics.registry))
        let runner = SyncRunner(service: service, logger: logger)
        let app = Application(
            router: try router(service, runner: runner, logger: logger),
            configuration: .init(address: .hostname(host, port: port), serverName: "hoebi"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        var withServices = app
        withServices.addServices(SyncScheduler(runner: runner, logger: logger), ConfigWatcher(service: service))
        try await withServices.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    static func router(_ service: HoebiService, runner: SyncRunner, logger: Logger) throws -> Router<HoebiContext> {
        let router = Router(context: HoebiContext.self)
        router.add(middleware: SecurityHeaders())
        router.add(middleware: AccessLog())
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: IdentifyMiddleware(accounts: service.store))
        PublicController(service: service).add(to: router)
        // Everything below is for signed-in treasurers (or API tokens) only.
        let treasurers = router.group().add(middleware: RequireTreasurer())
        let statements = StatementUpload(service: service)
        DashboardController(service: service, runner: runner, statements: statements).add(to: treasurers)
        MembersController(service: service).add(to: treasurers)
        SettingsController(service: service).add(to: treasurers)
        BookController(service: service).add(to: treasurers)
        // The API: the generated server over the handlers, with who is asking in a task local.
        let api = treasurers.group().add(middleware: APIRequest.Middleware())
        try APIController(service: service, runner: runner, statements: statements).registerHandlers(
            on: api, serverURL: Servers.Server1.url(), configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]),
            middlewares: [DocumentAsWritten()])
        treasurers.get("/metrics") { _, c -> Response in
            // The operator's: every group's gauges are in it, so a treasurer of some groups only gets none.
            guard c.treasurer?.scope == .all else { throw HTTPError(.notFound) }
            for g in service.config.groups { await Metrics.review(g.id, (try? service.store.reviewCount(of: g)) ?? 0) }
            return Reply.text(Metrics.registry.emitToString(), type: "text/plain; version=0.0.4; charset=utf-8")
        }
        return router
    }
}

/// One line per request: method, the route's pattern (not the path: a members' link holds its
/// secret in the path), status and milliseconds. No bodies, no names.
struct AccessLog: RouterMiddleware {
    typealias Context = HoebiContext
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func log(_ status: Int) {
            let elapsed = (ContinuousClock.now - start).components
            let ms = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
            context.logger.info(
                "request",
                metadata: [
                    "method": "\(request.method)", "route": "\(context.endpointPath ?? "-")",
                    "status": "\(status)", "ms": "\(ms)"
                ])
        }
        do {
            let response = try await next(request, context)
            log(response.status.code)
            return response
        } catch {
            // Errors become answers further out; the log still gets the request, with its status.
            log((error as? any HTTPResponseError)?.status.code ?? 500)
            throw error
        }
    }
}
