import Foundation

/// With `HOEBI_TIMING` set, how long each stage of a long piece of work took, told on standard
/// error in one line, each with the resident memory after it and the peak so far
/// (`re-match: load 1.1 s (180/180 MB), allocate 2.4 s (330/340 MB), …`): how the profiles behind
/// issue 26 were split, kept so the next change can be measured the same way. Costs nothing unset.
public struct StageTimes {
    private let work: String
    private let enabled = ProcessInfo.processInfo.environment["HOEBI_TIMING"] != nil
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var stages: [String] = []

    public init(_ work: String) {
        self.work = work
        last = clock.now
    }

    /// The stage that just ended.
    public mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = clock.now
        let d = now - last
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        stages.append(stage + String(format: " %.3f s", seconds) + Self.memory())
        last = now
    }

    /// The resident memory now and at its highest so far (Linux), e.g. " (312/391 MB)".
    static func memory() -> String {
        guard let now = statusKB("VmRSS:"), let peak = statusKB("VmHWM:") else { return "" }
        return " (\(now / 1024)/\(peak / 1024) MB)"
    }

    /// One figure in KB from a process's /proc status (`VmHWM:`, the peak resident memory, or
    /// `VmRSS:`); `process` is "self" or a pid. Nil where there is no /proc or no such process.
    public static func statusKB(_ key: String, of process: String = "self") -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix(key) }.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
    }

    public func tell() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\(work): \(stages.joined(separator: ", "))\n".utf8))
    }
}
