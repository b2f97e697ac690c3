import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiServer
import HoebiWiring
import Logging

/// A new password: asked twice at the terminal, or read from a file or an environment variable
/// (for scripts and tests), never from the command line (it would show in `ps`).
struct NewPassword: ParsableArguments {
    @Option(help: h("File whose first line is the password.")) var passwordFile: String?
    @Option(help: h("Environment variable holding the password.")) var passwordEnv: String?

    func read(for name: String) throws -> String {
        var password: String
        if let f = passwordFile {
            guard let text = try? String(contentsOfFile: f, encoding: .utf8) else { throw ExitCodeError.notFound(f) }
            password = String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        } else if let v = passwordEnv {
            guard let p = ProcessInfo.processInfo.environment[v] else { throw AppError.usage(Messages.t("error.passwordEnv", v)) }
            password = p
        } else {
            guard isatty(0) != 0, let a = getpass(Messages.t("user.ask", name)), let b = getpass(Messages.t("user.again")) else {
                throw AppError.usage(Messages.t("error.noPassword"))
            }
            guard String(cString: a) == String(cString: b) else { throw AppError.usage(Messages.t("user.mismatch")) }
            password = String(cString: a)
        }
        if let problem = Credentials.problem(with: password) { throw AppError.usage(problem) }
        return password
    }
}
