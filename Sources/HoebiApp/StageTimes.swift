import Foundation

/// With `HOEBI_TIMING` set, how long each stage of a long piece of work took, told on standard
/// error in one line (`re-match: load 1.1 s, allocate 2.4 s, save 0.8 s`): how the profiles behind
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
        stages.append(stage + String(format: " %.3f s", seconds))
        last = now
    }

    public func tell() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\(work): \(stages.joined(separator: ", "))\n".utf8))
    }
}
