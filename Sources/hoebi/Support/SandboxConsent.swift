import HoebiCore
import HoebiSandbox
import HoebiSources

/// What a treasurer does once on the bank's consent page (`hoebi connect kftc`), done at once
/// against the sandbox, which consents without a person: for the demo and the benchmark's syncs.
/// The other sources need no consent.
func consentInSandbox(_ source: String, _ running: RunningSandbox, transport: HTTPTransport, credentials: any CredentialStore) async throws {
    guard source == "kftc" else { return }
    try await KFTCTokens.consentWithoutAPerson(
        baseURL: running.baseURL, clientID: BankSandbox.Credentials.kftcClientID,
        clientSecret: BankSandbox.Credentials.kftcClientSecret, transport: transport, credentials: credentials)
}
