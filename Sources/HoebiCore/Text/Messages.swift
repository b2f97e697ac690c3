import Foundation

/// The language people read Hoebi in: Korean unless something says otherwise.
public enum Language: String, Sendable, CaseIterable {
    case ko, en

    /// `HOEBI_LANG` first, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `ko…` is Korean, any
    /// other real locale English); "C", "POSIX" or nothing set mean Korean.
    public static func from(environment env: [String: String]) -> Language {
        if let v = env["HOEBI_LANG"]?.lowercased(), !v.isEmpty { return v.hasPrefix("en") ? .en : .ko }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let v = env[key]?.lowercased(), !v.isEmpty else { continue }
            if v.hasPrefix("ko") { return .ko }
            if v == "c" || v == "posix" || v.hasPrefix("c.") { return .ko }
            return .en
        }
        return .ko
    }
}

/// One message catalogue: every person-facing text of the command line by key, in Korean and
/// English, with `{1}`, `{2}` … for what is filled in. A test checks that each key has both
/// languages and the same placeholders.
public enum Messages {
    public nonisolated(unsafe) static var language: Language = .ko

    public static func t(_ key: String, _ args: any CustomStringConvertible...) -> String {
        guard let entry = catalogue[key] else { return key }
        var s = language == .ko ? entry.ko : entry.en
        for (i, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i + 1)}", with: a.description) }
        return s
    }

    public static let catalogue: [String: (ko: String, en: String)] = [
        // Import and match summaries
        "import.summary": ("{1} ({2}): 새 거래 {3}건, 이미 있던 거래 {4}건, 거래가 아닌 줄 {5}개",
                           "{1} ({2}): {3} new, {4} already known, {5} ignored rows"),
        "match.summary": ("입금 {1}건 확인: 회비로 배정 {2}건, 확인 필요 {3}건, 회비 아님 {4}건",
                          "matched {1} deposits: {2} allocated, {3} to review, {4} not dues"),
        "balance.continuous": ("잔액 흐름: 끊김 없음", "balance chain: continuous"),
        "balance.breaks": ("잔액 흐름: {1}곳이 맞지 않습니다 — 빠졌거나 바뀐 거래가 있을 수 있습니다:",
                           "balance chain: {1} break(s) — a row may be missing or altered:"),
        "more": ("  … 그리고 {1}건 더", "  … and {1} more"),
        "review.none": ("확인할 입금이 없습니다.", "Nothing to review."),
        "review.count": ("확인이 필요한 입금 {1}건:", "{1} deposit(s) to review:"),
        "still.review": ("확인이 필요한 입금이 {1}건 남았습니다", "{1} deposit(s) still to review"),
        // Decisions
        "decision.dryrun": ("미리 보기: 아무것도 바꾸지 않았습니다", "dry run: nothing is changed"),
        "rule.learned": ("규칙: 앞으로 '{1}' 입금은 {2}", "rule: deposits with the text '{1}' are {2} from now on"),
        "rule.notLearned": ("규칙: '{1}'은(는) 배우지 않았습니다 — {2}; 이 입금만 정했습니다",
                            "rule: none learned for '{1}': {2}; this deposit alone is decided"),
        "rule.removed": ("규칙: '{1}' → {2} 규칙을 지웠습니다", "rule: removed the rule '{1}' → {2}"),
        "rule.notDues": ("회비 아님", "not dues"),
        "rule.byHand": ("직접 확인", "decided by hand"),
        "changes.none": ("다른 입금은 바뀌지 않습니다", "no other deposit changes"),
        "changes.count": ("다른 입금 {1}건이 바뀝니다:", "{1} other deposit(s) change:"),
        "changes.list": ("입금 {1}건이 바뀝니다:", "{1} deposit(s) change:"),
        "changes.nothing": ("바뀌는 입금이 없습니다", "no deposit changes"),
        "undo.none": ("되돌릴 결정이 없습니다.", "No decision to undo."),
        "undo.done": ("d{1}을(를) 되돌렸습니다 (t{2}, {3})", "took back d{1} on t{2} ({3})"),
        "undo.rule.back": ("'{1}' 규칙: {2}(으)로 되돌렸습니다", "rule on '{1}': back to {2}"),
        "undo.rule.removed": ("'{1}' 규칙: 지웠습니다", "rule on '{1}': removed"),
        "revert.done": ("r{1}을(를) 되돌렸습니다: {2}건 지움, {3}건 남김 (다른 실행도 가져온 거래)",
                        "r{1} reverted: {2} row(s) removed, {3} kept (another run also brought them)"),
        "revert.dropped": (", 지운 거래의 결정 {1}건도 함께 지움", ", {1} decision(s) on removed rows dropped"),
        // Errors a treasurer meets first
        "error.noConfig": ("설정 파일이 없습니다: {1}\n  도움말: `hoebi init`으로 만들거나 config.example.json을 hoebi.json으로 복사해 고치세요 (또는 --config FILE, HOEBI_CONFIG)",
                           "no configuration at {1}\n  hint: write one with `hoebi init`, or copy config.example.json to hoebi.json and edit it, or pass --config FILE (or set HOEBI_CONFIG)"),
        "error.busy": ("{1}을(를) 다른 hoebi 명령이 {2}초 넘게 쓰고 있습니다\n  도움말: 다른 가져오기·동기화·매칭이 끝나면 다시 실행하세요 (`ps`로 확인)",
                       "{1} is busy: another hoebi command has been writing to it for more than {2} s\n  hint: wait for the other import, sync or match to finish (see `ps`), then run this again"),
        "error.unknownTransaction": ("'{1}' 거래가 없습니다; 번호는 t42처럼 씁니다 (`hoebi review`, `hoebi transactions`)",
                                     "no transaction '{1}'; ids look like t42 (see `hoebi review`)"),
        "error.notADeposit": ("t{1}은(는) 출금입니다; 입금만 회원에게 배정하거나 회비 아님으로 정할 수 있습니다",
                              "t{1} is a withdrawal; only deposits can be assigned or ignored"),
        "error.unknownRun": ("이 모임에 '{1}' 가져오기·동기화가 없습니다; 번호는 r12처럼 씁니다 (`hoebi runs`)",
                             "no import or sync '{1}' in this group; ids look like r12 (see `hoebi runs`)"),
    ]
}
