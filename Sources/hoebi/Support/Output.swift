import ArgumentParser
import Foundation
import HoebiApp
import HoebiCore
import HoebiImport
import HoebiRender
import HoebiSources
import HoebiStore
import HoebiWiring

/// The exit code each kind of error means (sysexits.h where one fits).
func exitCode(for error: any Error) -> Int32 {
    switch error {
    case is ImportError: return 65
    case is TemplateError: return 65
    case is ExitCodeError: return 66
    case let e as AppError:
        switch e {
        case .noConfig: return 66
        case .badConfig, .noMigrations: return 78
        case .usage: return 64
        case .busy: return 75
        }
    case is ConfigError, is ConfigErrors: return 78
    case let e as StoreError:
        switch e {
        case .busy, .syncRunning: return 75
        case .newerSchema, .migrationFailed, .noMigrations: return 78
        case .readOnlyFile, .readOnlyStore: return 77
        case .full, .io: return 74
        default: return 65
        }
    case is Money.Overflow: return 65
    case is SourceError: return 65
    default: return 1
    }
}

/// Writes to stdout. When the reader has gone (`hoebi report | head`), stop quietly instead of
/// trapping, as Foundation's non-throwing write does on a broken pipe.
func printOut(_ s: String) {
    do { try FileHandle.standardOutput.write(contentsOf: Data(s.utf8)) } catch { exit(0) }
}

/// One of the API's documents (HoebiAPI's types), as the service would send it but pretty.
func printDocument<T: Encodable>(_ document: T) throws {
    printOut(try DocumentJSON.text(document, pretty: true) + "\n")
}

/// A JSON document for scripts: pretty, keys sorted (stable output to diff).
func printJSON(_ object: Any) throws {
    printOut(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self) + "\n")
}

/// Option help in the reader's language (see `Messages.tr`).
func h(_ english: String) -> ArgumentHelp { ArgumentHelp(Messages.tr(english)) }

/// The same, naming the option's value in the usage line (`--for <group>`, not `--for <for>`).
func h(_ english: String, value: String) -> ArgumentHelp { ArgumentHelp(Messages.tr(english), valueName: value) }
func tr(_ english: String) -> String { Messages.tr(english) }

func printErr(_ s: String) {
    try? FileHandle.standardError.write(contentsOf: Data(s.utf8))
}

func progress(_ s: String) {
    // Progress goes to stderr so that stdout stays clean for scripts.
    if isatty(2) != 0 { printErr("\r\(s)") }
}
