/// What one entry of the audit trail (`hoebi runs`) is: a statement import, a bank sync, a
/// re-match, or a treasurer's decision. The raw value is the `runs.kind` column text.
public enum RunKind: String, Sendable, Equatable {
    case `import`, sync, match, decision

    /// In the reader's language: 가져오기, 동기화, 매칭, 결정.
    public var word: String { Messages.t("runKind." + rawValue) }
}

/// How a run ended, or what became of a decision. `description` is the text the command line and
/// the JSON documents have always shown ("ok", "reverted 2026-11-20T10:00").
public enum RunStatus: Sendable, Equatable, CustomStringConvertible {
    case running, ok, failed
    /// The process ended before the run finished.
    case interrupted
    /// Its rows were taken out (`hoebi revert`), at this time.
    case reverted(at: String)
    /// The decision was taken back (`hoebi undo`), at this time.
    case undone(at: String)

    /// The `runs.status` column text (reverted and undone runs are told by their own columns).
    public init(stored: String) {
        switch stored {
        case "running": self = .running
        case "ok": self = .ok
        case "interrupted": self = .interrupted
        default: self = .failed
        }
    }

    public var stored: String {
        switch self {
        case .running: return "running"
        case .ok: return "ok"
        case .failed: return "failed"
        case .interrupted: return "interrupted"
        case .reverted: return "reverted"
        case .undone: return "undone"
        }
    }

    /// For a treasurer in Korean: 완료, 실패, 진행 중, 중단됨, 되돌림 (시각), 취소함 (시각).
    public var korean: String { shown(in: .ko) }

    /// For a person, in `lang` (the dashboard's language).
    public func shown(in lang: Language) -> String {
        func word(_ key: String) -> String { Messages.t(key, in: lang) }
        switch self {
        case .reverted(let at): return word("run.reverted") + " " + at.prefix(16).replacingOccurrences(of: "T", with: " ")
        case .undone(let at): return word("run.undone") + " " + at.prefix(16).replacingOccurrences(of: "T", with: " ")
        default: return word("run." + stored)
        }
    }

    public var description: String {
        switch self {
        case .reverted(let at): return "reverted \(at.prefix(16))"
        case .undone(let at): return "undone \(at.prefix(16))"
        default: return stored
        }
    }
}
