import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiWiring

/// A positive amount of dues as people write it (20000, 20,000, 2만원), or the error `init` gives.
func duesAmount(_ text: String) throws -> Won {
    guard case .won(let w) = Money.parseTyped(text), w > 0 else { throw AppError.usage(Messages.t("init.bad", Messages.t("init.prompt.amount"), text)) }
    return w
}

func requiredPeriod(_ s: String, _ flag: String) throws -> Period {
    guard let p = Period(s) else { throw AppError.usage(Messages.t("error.period", flag, s)) }
    return p
}

func period(_ s: String?, _ flag: String) throws -> Period? {
    guard let s else { return nil }
    guard let p = Period(s) else { throw AppError.usage(Messages.t("error.period", flag, s)) }
    return p
}

enum ExitCodeError: Error, CustomStringConvertible {
    case notFound(String)
    var description: String {
        switch self {
        case .notFound(let f): return Messages.t("error.noFile", f)
        }
    }
}

/// The terminal's width: `$COLUMNS`, or the tty's; nil when output goes to a file or pipe.
func terminalWidth() -> Int? {
    if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 20 { return c }
    guard isatty(1) != 0 else { return nil }
    var size = winsize()
    guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
    return Int(size.ws_col)
}
