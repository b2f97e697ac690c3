import HoebiCore
import Hummingbird
import NIOCore

/// What a request carries through the middleware: who is signed in (a browser session or an API
/// token) and where it came from (for the sign-in rate limit).
public struct HoebiContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var signedIn: SignedIn?
    public var tokenOwner: Treasurer?
    public var remote: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remote = source.channel.remoteAddress?.ipAddress ?? "?"
    }

    /// Statement uploads are the largest bodies (a year's xlsx is well under a megabyte).
    public static let uploadLimit = 16 << 20
    public var maxUploadSize: Int { Self.uploadLimit }

    public var treasurer: Treasurer? { signedIn?.treasurer ?? tokenOwner }
    /// Whether whoever signed in may change anything (an auditor may not).
    public var canWrite: Bool { treasurer?.role == .treasurer }
}
