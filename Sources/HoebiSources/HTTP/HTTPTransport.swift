import AsyncHTTPClient
import Foundation
import HoebiCore
import NIOCore
import NIOHTTP1

/// One HTTP exchange. The adapters speak through this, so retry and timeouts live in one place.
public struct HTTPExchange: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: Data?

    public init(_ method: String, _ url: String, headers: [(String, String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPReply: Sendable {
    public var status: Int
    public var body: Data
    public var location: String?
}

/// Real HTTP through AsyncHTTPClient, with a per-request timeout and bounded retries: timeouts,
/// connection failures, 5xx and 429 are retried with exponential backoff; anything else is final.
public struct HTTPTransport: Sendable {
    public var timeout: TimeAmount
    public var attempts: Int
    public var backoff: Duration
    let client: HTTPClient

    public init(timeout: TimeAmount = .seconds(20), attempts: Int = 4, backoff: Duration = .milliseconds(400)) {
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        var config = HTTPClient.Configuration()
        config.redirectConfiguration = .disallow  // the KFTC consent redirect is read, not followed
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
    }

    public func shutdown() async { try? await client.shutdown() }

    /// A transport that is shut down however `body` ends: AsyncHTTPClient traps when a client is
    /// released without a shutdown, so every command goes through here.
    public static func using<T>(_ body: (HTTPTransport) async throws -> T) async throws -> T {
        let transport = HTTPTransport()
        do {
            let value = try await body(transport)
            await transport.shutdown()
            return value
        } catch {
            await transport.shutdown()
            throw error
        }
    }

    /// Sends with retries; `source` names the API in errors. Returns the final reply (which may be
    /// a 4xx the adapter interprets).
    public func send(_ x: HTTPExchange, source: String) async throws -> HTTPReply {
        var delay = backoff
        var lastProblem = ""
        for attempt in 1...attempts {
            do {
                let reply = try await once(x)
                if reply.status >= 500 || reply.status == 429 {
                    lastProblem = "HTTP \(reply.status)"
                } else {
                    return reply
                }
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                lastProblem = "timed out after \(timeout.nanoseconds / 1_000_000_000) s"
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                // Everything `once` can throw is the network's doing (refused, reset, TLS, …).
                lastProblem = "connection failed (\(error))"
            }
            if attempt < attempts {
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(8))
            }
        }
        let kind: SourceError.Kind = lastProblem.contains("429") ? .rateLimit : .transient
        // Which host, and what to check: scheme, host and port only (a query may hold a key).
        let host = URL(string: x.url).map { "\($0.scheme ?? "https")://\($0.host ?? "?")\($0.port.map { ":\($0)" } ?? "")" } ?? "?"
        let hint = Messages.t(
            lastProblem.hasPrefix("connection failed")
                ? "sync.hint.noAnswer"
                : lastProblem.hasPrefix("timed out") ? "sync.hint.slow" : "sync.hint.failing", host)
        throw SourceError(
            source, kind, code: lastProblem.hasPrefix("HTTP") ? lastProblem : "network",
            Messages.t("sync.gaveUp", attempts, lastProblem, hint))
    }

    /// Sends and interprets the reply; a transient answer in the API's own dialect (a rate-limit
    /// code in an HTTP 200 body, a bank-side timeout code) is retried like an HTTP 503.
    public func call<T>(_ x: HTTPExchange, source: String, _ interpret: (HTTPReply) throws -> T) async throws -> T {
        var delay = backoff
        for attempt in 1...attempts {
            let reply = try await send(x, source: source)
            do {
                return try interpret(reply)
            } catch let e as SourceError where e.isTransient && attempt < attempts {
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(8))
            }
        }
        return try interpret(try await send(x, source: source))
    }

    func once(_ x: HTTPExchange) async throws -> HTTPReply {
        var request = HTTPClientRequest(url: x.url)
        request.method = HTTPMethod(rawValue: x.method)
        for (k, v) in x.headers { request.headers.add(name: k, value: v) }
        if let body = x.body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return HTTPReply(status: Int(response.status.code), body: Data(bytes.readableBytesView), location: response.headers.first(name: "location"))
    }
}

/// A secret named in the configuration: taken from an environment variable or a file, never logged.
public struct Secret: Sendable {
    public var env: String?
    public var file: String?
    public var literalForSandbox: String?
    public init(env: String? = nil, file: String? = nil, literalForSandbox: String? = nil) {
        self.env = env
        self.file = file
        self.literalForSandbox = literalForSandbox
    }

    public func value(_ what: String) throws -> String {
        if let env {
            guard let v = ProcessInfo.processInfo.environment[env], !v.isEmpty else {
                throw SourceError("config", .rejected, code: "secret", Messages.t("src.envMissing", what, env))
            }
            return v
        }
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw SourceError("config", .rejected, code: "secret", Messages.t("src.fileUnreadable", what, file))
            }
            return String(text.split(whereSeparator: \.isNewline).first ?? "")
        }
        if let literalForSandbox { return literalForSandbox }
        throw SourceError("config", .rejected, code: "secret", Messages.t("src.secretMissing", what))
    }
}
