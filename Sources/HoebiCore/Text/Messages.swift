import Foundation

/// The language people read Hoebi in: Korean unless something says otherwise.
public enum Language: String, Sendable, CaseIterable {
    case ko, en

    /// The text in this language, of a pair written in both (the catalogue's entries, a
    /// registry's help lines).
    public func pick(_ words: (ko: String, en: String)) -> String { self == .ko ? words.ko : words.en }

    /// `"language"` in the configuration: ko, en, 한국어, English, korean.
    public init?(config s: String) {
        switch s.lowercased() {
        case "ko", "ko_kr", "korean", "한국어", "한글": self = .ko
        case "en", "en_us", "english", "영어": self = .en
        default: return nil
        }
    }

    /// `HOEBI_LANG` first, then the configuration's `"language"`, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `ko…` is Korean, any
    /// other real locale English); "C", "POSIX" or nothing set mean Korean.
    public static func from(environment env: [String: String], configured: Language? = nil) -> Language {
        if let v = env["HOEBI_LANG"]?.lowercased(), !v.isEmpty { return v.hasPrefix("en") ? .en : .ko }
        if let configured { return configured }
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
    /// The library speaks English until the program says otherwise: the command line sets it from
    /// the environment and the configuration (Korean unless they say otherwise); tests read English.
    public nonisolated(unsafe) static var language: Language = .en

    /// A command's help text. Read from the environment itself: help is built before any command runs.
    public static func help(_ key: String) -> String {
        guard let entry = catalogue["help." + key] else {
            missing("help." + key)
            return key
        }
        return helpLanguage.pick(entry)
    }

    /// Option help and short notes, written in English beside the option; Korean from `byEnglish`.
    public static func tr(_ english: String) -> String {
        guard helpLanguage == .ko else { return english }
        guard let ko = byEnglish[english] ?? bookOptions[english] else {
            missing(english)
            return english
        }
        return ko
    }

    /// Help is built before any command runs (and before the configuration is read), so it asks
    /// the environment itself.
    public static var helpLanguage: Language { Language.from(environment: ProcessInfo.processInfo.environment) }

    private static func missing(_ what: String) {
        guard ProcessInfo.processInfo.environment["HOEBI_CHECK_MESSAGES"] == "1" else { return }
        FileHandle.standardError.write(Data("hoebi: no Korean for: \(what)\n".utf8))
    }

    public static func t(_ key: String, _ args: any CustomStringConvertible...) -> String {
        fill(key, args.map(\.description), in: language)
    }

    /// A message in the given language, whatever the reader's (the dashboard is Korean only).
    public static func t(_ key: String, in lang: Language, _ args: any CustomStringConvertible...) -> String {
        fill(key, args.map(\.description), in: lang)
    }

    /// As `t(_:in:_:)`, the arguments as an array (for a caller that passes its own along).
    public static func t(_ key: String, in lang: Language, arguments: [String]) -> String {
        fill(key, arguments, in: lang)
    }

    /// A message kept for later: what the core decides now (a review reason, stored in the ledger)
    /// is read later, in whichever language the reader uses. Plain text (a treasurer's own reason,
    /// "찬조금") is stored as it is; a reference starts with U+001E and separates its parts with
    /// U+001F (in an argument, those two become spaces).
    public static func ref(_ key: String, _ args: any CustomStringConvertible...) -> String {
        ([mark + key] + args.map { clean($0.description) }).joined(separator: separator)
    }

    private static func clean(_ s: String) -> String {
        guard s.contains(where: { $0 == "\u{1E}" || $0 == "\u{1F}" }) else { return s }
        return String(s.map { $0 == "\u{1E}" || $0 == "\u{1F}" ? " " : $0 })
    }

    /// Stored text in the reader's language (or `in:`; machine output uses English, so a script's
    /// view does not change with the reader's locale).
    public static func show(_ stored: String, in lang: Language? = nil) -> String {
        guard stored.hasPrefix(mark) else { return stored }
        let parts = stored.dropFirst().split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
        guard let key = parts.first else { return stored }
        return fill(key, parts.dropFirst().map { show($0, in: lang) }, in: lang ?? language)
    }

    static let mark = "\u{1E}", separator = "\u{1F}"

    /// The arguments as given, in one pass over the message: an argument that itself holds
    /// "{2}" (a depositor's text can) is never filled in again.
    private static func fill(_ key: String, _ args: [String], in lang: Language) -> String {
        guard let entry = catalogue[key] else { return ([key] + args).joined(separator: " ") }
        let template = Array(lang.pick(entry))
        var out = ""
        var i = 0
        while i < template.count {
            if template[i] == "{", let close = template[(i + 1)...].prefix(3).firstIndex(of: "}"),
                let n = Int(String(template[(i + 1)..<close])), n >= 1, n <= args.count
            {
                out += args[n - 1]
                i = close + 1
            } else {
                out.append(template[i])
                i += 1
            }
        }
        return lang == .ko ? Particle.resolve(out) : out
    }

    /// Every part of the catalogue; a test checks that no key is in two parts.
    public static let parts: [[String: (ko: String, en: String)]] = [
        commands, setup, book, discussions, reasons, explain, errors, output, config, dashboard, views
    ]
    public static let catalogue: [String: (ko: String, en: String)] =
        parts.reduce(into: [:]) { all, part in all.merge(part) { first, _ in first } }

    static let commands: [String: (ko: String, en: String)] = [
        // Import and match summaries
        "import.summary": (
            "{1} ({2}): 새 거래 {3}건, 이미 있던 거래 {4}건, 거래가 아닌 줄 {5}개",
            "{1} ({2}): {3} new, {4} already known, {5} ignored rows"
        ),
        "match.summary": (
            "입금 {1}건 확인: 회비로 배정 {2}건, 확인 필요 {3}건, 회비 아님 {4}건",
            "matched {1} deposits: {2} allocated, {3} to review, {4} not dues"
        ),
        "balance.continuous": ("잔액 흐름: 끊김 없음", "balance chain: continuous"),
        "balance.breaks": (
            "잔액 흐름: {1}곳이 맞지 않습니다 — 빠졌거나 바뀐 거래가 있을 수 있습니다:",
            "balance chain: {1} break(s) — a row may be missing or altered:"
        ),
        "more": ("  … 그리고 {1}건 더", "  … and {1} more"),
        "review.none": ("확인할 입금이 없습니다.", "Nothing to review."),
        "review.count": ("확인이 필요한 입금 {1}건:", "{1} deposit(s) to review:"),
        "still.review": ("확인이 필요한 입금이 {1}건 남았습니다", "{1} deposit(s) still to review"),
        // Decisions
        "decision.dryrun": ("미리 보기: 아무것도 바꾸지 않았습니다", "dry run: nothing is changed"),
        "rule.learned": ("규칙: 앞으로 '{1}' 입금은 {2}", "rule: deposits with the text '{1}' are {2} from now on"),
        "rule.collective": ("일괄 납부 ({1})", "collective payment ({1})"),
        "history.share": (" (입금 {1}원 중 이 회원 몫)", " (this member's part of {1} won)"),
        "member.backup": (" (이전 파일: {1}.bak)", " (previous file: {1}.bak)"),
        "member.joined": ("{1}부터", "joined {1}"),
        "member.left": ("{1}까지 회원", "left after {1}"),
        "member.amount": ("회비 {1}원", "{1} won"),
        "member.aliases": ("다른 이름 {1}", "aliases {1}"),
        "member.added": ("{3}에 {1}님을 더했습니다 ({2})", "added {1} ({2}) to {3}"),
        "member.sameName": (
            "; 참고: {1}도 같은 이름이라 이 이름의 입금은 확인 필요로 갑니다", "; note: {1} has the same name, so deposits under it go to review"
        ),
        "member.changed": ("{1} ({2}): {3} 바꿈", "{2}: changed {3} ({1})"),
        "member.leaves": ("{1} ({2}): {3}까지 회원", "{1} ({2}) leaves after {3}"),
        "runKind.import": ("가져오기", "import"),
        "runKind.sync": ("동기화", "sync"),
        "runKind.match": ("매칭", "match"),
        "runKind.decision": ("결정", "decision"),
        "run.what.rows": ("{1}: 새 거래 {2}건, 있던 거래 {3}건", "{1}: {2} new, {3} known"),
        "run.what.decision": ("거래 t{1} '{2}' → {3}", "t{1} '{2}' → {3}"),
        "run.what.assignFor": ("{1}, {2} 몫", "{1} for {2}"),
        "run.what.withdrawn": ("결정 거둠", "decision withdrawn"),
        "run.what.undo": ("d{1} 되돌림: {2}", "undo of d{1}: {2}"),
        "part.other": ("기타 수입", "other income"),
        "decide.why.only": ("--only: 이 입금만", "--only: this deposit alone"),
        "decide.why.nameless": ("입금자명에 이름이 없습니다 (다음 같은 입금자명은 다른 사람 돈일 수 있음)", "the text names no one (the next deposit with it may be someone else's)"),
        "decide.why.several": ("여러 회원에게 맞습니다 ({1})", "it fits several members ({1})"),
        "decide.why.other": ("회원 {1}의 이름으로 읽힙니다", "it reads as member {1}'s name"),
        "decide.why.swallow": ("회원 {1}의 이름이 있어 그 회비를 삼킬 수 있습니다", "it names member {1}, whose dues it would swallow"),
        "rule.notLearned": (
            "규칙: '{1}'은(는) 배우지 않았습니다 — {2}; 이 입금만 정했습니다",
            "rule: none learned for '{1}': {2}; this deposit alone is decided"
        ),
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
        "undo.would": ("d{1}을(를) 되돌리면 (t{2}, {3})", "undoing d{1} on t{2} ({3}) would"),
        "undo.rule.wouldBack": ("'{1}' 규칙이 {2}(으)로 돌아갑니다", "put the rule on '{1}' back to {2}"),
        "undo.rule.wouldRemove": ("'{1}' 규칙이 지워집니다", "remove the rule on '{1}'"),
        "revert.done": (
            "r{1}을(를) 되돌렸습니다: {2}건 지움, {3}건 남김 (다른 실행도 가져온 거래)",
            "r{1} reverted: {2} row(s) removed, {3} kept (another run also brought them)"
        ),
        "revert.dropped": (", 지운 거래의 결정 {1}건도 함께 지움", ", {1} decision(s) on removed rows dropped"),
        "revert.would": (
            "r{1}을(를) 되돌리면: {2}건 지움, {3}건 남김 (다른 실행도 가져온 거래)",
            "reverting r{1} would remove {2} row(s) and keep {3} (another run also brought them)"
        ),
        "revert.wouldDrop": (", 지울 거래의 결정 {1}건도 함께 지움", ", and drop {1} decision(s) on the removed rows"),
        // Command abstracts (`hoebi --help`, `hoebi CMD --help`)
        "help.hoebi": (
            "모임통장의 장부를 씁니다: 누가 어느 기간의 회비를 냈는지.",
            "Keeps the books of a group account (모임통장): who paid their dues, for which month."
        ),
        "help.accounts": (
            "모임의 은행 API 자격 증명으로 보이는 계좌를 보여 줍니다 (동기화 설정을 채울 때).",
            "List the accounts a group's bank API credentials can see (to fill in the sync settings)."
        ),
        "help.bench": (
            "성능 측정: 큰 거래내역을 만들어 가져오기·재매칭·보고서 시간을 sqlite3 .import와 비교합니다.",
            "Benchmark: generate a large statement, time import, re-match and report against sqlite3 .import."
        ),
        "help.import": (
            "은행 거래내역 파일을 장부에 더하고 모임을 다시 매칭합니다.",
            "Add a bank statement file to the ledger, then re-match the group."
        ),
        "help.match": (
            "모임의 배정을 모두 다시 계산합니다 (회원·별칭·회비를 고친 뒤).",
            "Recompute every allocation of a group (after editing members, aliases or rates)."
        ),
        "help.review": (
            "총무의 확인을 기다리는 입금을 보여 줍니다.",
            "List deposits waiting for the treasurer's decision."
        ),
        "help.collect": (
            "입금 하나가 여러 회원의 회비일 때 (일괄 납부: 급여 공제를 모아 보냄, 모임에서 걷은 현금, 두 아이 몫) 나눠 정합니다.",
            "Decide that one deposit pays several members' dues (a payroll forward, cash collected at a meeting, two children)."
        ),
        "help.split": (
            "입금 하나를 회비와 다른 돈으로 나눕니다 (8월 회비 + 뒷풀이).",
            "Split one deposit into dues and other money (August's dues plus the 뒷풀이)."
        ),
        "help.assign": (
            "입금을 회원의 회비로 정합니다; 이 결정으로 바뀌는 입금을 모두 보여 줍니다.",
            "Decide that a deposit is a member's dues; prints every deposit the decision changes."
        ),
        "help.ignore": (
            "입금을 회비가 아닌 돈으로 정합니다 (환불, 행사비 …); 바뀌는 것을 보여 줍니다.",
            "Mark a deposit as not dues (a refund, event money, …); prints what changes."
        ),
        "help.clear": (
            "입금에 대한 결정과 그 결정이 남긴 규칙을 거둡니다; 바뀌는 것을 보여 줍니다.",
            "Withdraw the decision on a deposit and the rule it left on its text; prints what changes."
        ),
        "help.report": (
            "기간별 납부 현황: 회원 × 기간 표와 합계.",
            "Who has paid for each period: a member × period grid with totals."
        ),
        "help.notice": (
            "단톡방에 올릴 공지: 낸 사람, 안 낸 사람, 입금 계좌.",
            "Korean notice text for the group chat: who paid, who has not, where to pay."
        ),
        "help.remind": (
            "회원 한 명에게 보낼 안내: 밀린 기간과 금액, 입금 계좌.",
            "One member's personal reminder: what is owed, for which periods, where to pay."
        ),
        "help.connect": (
            "예금주 동의가 필요한 계좌를 연결합니다 (금융결제원 오픈뱅킹).",
            "Link an account that needs the holder's consent (KFTC Open Banking)."
        ),
        "help.demo": (
            "예시 모임으로 전체 과정을 돌려 봅니다: 로컬 은행 샌드박스에서 동기화, 보고서, 공지.",
            "Run the whole job on a sample group: sync from the local bank sandbox, report, notice."
        ),
        "help.evaluate": (
            "정답이 붙은 예시 모임 기록으로 매칭 정확도를 잽니다.",
            "Measure the matcher on generated, labelled group histories."
        ),
        "help.formats": (
            "`hoebi import`가 읽는 거래내역 형식과 은행별로 내려받는 방법을 보여 줍니다.",
            "List the statement formats `hoebi import` reads, and how to export each from the bank."
        ),
        "help.history": (
            "회원 한 명의 입금 (내 납부 내역): 번호, 날짜, 금액, 낸 기간.",
            "One member's deposits (내 납부 내역): ids, dates, amounts and the periods each paid."
        ),
        "help.transactions": (
            "장부 검색: 거래마다 번호와, 무엇을 냈는지 또는 왜 회비가 아닌지.",
            "Search the ledger: every row with its id, what it paid or why not."
        ),
        "help.init": (
            "처음 쓸 hoebi.json을 만듭니다: 모임, 계좌, 회비, 회원.",
            "Write a starter hoebi.json: the group, its account, the dues and its members."
        ),
        "help.member": (
            "hoebi.json의 회원을 보고, 더하고, 고치고, 탈퇴 처리합니다 (검사 후 저장, 이전 파일은 hoebi.json.bak).",
            "List, add, edit or retire members in hoebi.json (validated; the previous file kept as hoebi.json.bak)."
        ),
        "help.member.list": (
            "모임의 회원: 아이디, 이름, 가입, 탈퇴, 따로 정한 회비나 주기.",
            "The group's members: id, name, joined, left, own amount or cycle."
        ),
        "help.member.add": (
            "회원을 더합니다.",
            "Add a member."
        ),
        "help.member.edit": (
            "회원의 이름, 회비, 주기, 표시 이름, 별칭을 고칩니다.",
            "Change a member's name, amount, cycle, display name or aliases."
        ),
        "help.member.leave": (
            "회원의 탈퇴를 기록합니다: 마지막 달 뒤에 시작하는 기간은 내지 않습니다.",
            "Record that a member left: periods beginning after their last month are not owed."
        ),
        "help.parse": (
            "은행 API 응답 본문 하나를 정리한 거래로 보여 줍니다 (한 줄에 JSON 하나).",
            "Print the normalised transactions of one raw bank API response body, as JSON lines."
        ),
        "help.unassign": (
            "자동 배정이 틀렸다고 알립니다: 이 입금과 앞으로 같은 입금자명은 직접 정합니다.",
            "Say an automatic match was wrong: the deposit, and its text from now on, is decided by hand."
        ),
        "help.aliases": (
            "결정이 입금자명에 남긴 규칙(과 설정의 별칭)을 보여 주고 지웁니다.",
            "List the rules decisions left on depositor texts (and the configured aliases); remove one."
        ),
        "help.explain": (
            "입금이 왜 그렇게 배정됐는지 보여 줍니다: 이름 근거, 기간, 금액, 결정.",
            "Show why a deposit went where it did: text, name evidence, months, amounts, decision."
        ),
        "help.runs": (
            "가져오기·동기화(r…)와 결정(d…)을 최근 순으로: 각각 무엇을 더하거나 정했는지.",
            "List imports, syncs (r…) and decisions (d…), newest first: what each added or decided."
        ),
        "help.undo": (
            "마지막 결정(배정, 회비 아님, 직접 확인, 거둠)과 그 규칙을 되돌립니다; 바뀌는 것을 보여 줍니다.",
            "Take back the last decision (assign, ignore, unassign, clear) and the rule it changed; prints what changes."
        ),
        "help.revert": (
            "가져오기나 동기화 한 번이 더한 거래를 지우고 (다른 실행도 가져온 거래는 남김) 다시 매칭합니다.",
            "Remove the rows one import or sync added (rows another run also brought stay), then re-match."
        ),
        "help.sandbox": (
            "로컬 은행 샌드박스를 띄웁니다: 우리은행, CODEF, 금융결제원, 코스콤 API를 127.0.0.1에서.",
            "Run the local bank sandbox: Woori, CODEF, KFTC and Koscom APIs on 127.0.0.1."
        ),
        "help.serve": (
            "서비스를 띄웁니다: 총무 화면, 회원 링크, JSON API, 예약 동기화.",
            "Run the service: the treasurer's dashboard, the members' link, the JSON API and scheduled syncs."
        ),
        "help.serve.discussion": (
            #"""
            먼저 총무 계정을 만드세요: hoebi user add 이름. 스크립트용 토큰: hoebi token create 이름.
            "sync"에 "schedule": "*/30 * * * *" (cron, 서울 시간)이나 "every": "30m"이 있는 모임은 서비스가 알아서
            동기화합니다 (hoebi sync와 같은 잠금을 씀). SIGTERM이나 Ctrl-C면 하던 요청을 마치고 멈춥니다.
            다른 컴퓨터에서 쓰려면 TLS 프록시(Caddy, nginx)를 앞에 두세요 (README의 배포 부분).
            """#,
            #"""
            First make a treasurer account: hoebi user add NAME. Tokens for scripts: hoebi token create NAME.
            Groups whose "sync" has "schedule": "*/30 * * * *" (cron, Seoul time) or "every": "30m" are synced
            by the service (under the same lock as hoebi sync). SIGTERM or Ctrl-C finishes the requests under
            way and stops. To use it from other machines put a TLS proxy (Caddy, nginx) in front (README, Deployment).
            """#
        ),
        "help.user": ("서비스에 로그인하는 총무 계정 (비밀번호는 bcrypt로 저장).", "Treasurer accounts for the service (passwords kept as bcrypt hashes)."),
        "help.user.add": ("총무 계정을 만듭니다 (비밀번호를 두 번 물어봄).", "Add a treasurer (asks for the password twice)."),
        "help.user.passwd": ("총무의 비밀번호를 바꿉니다 (모든 브라우저에서 로그아웃).", "Change a treasurer's password (signs every browser out)."),
        "help.user.remove": ("총무 계정을 지웁니다 (세션과 토큰도).", "Remove a treasurer (and their sessions and tokens)."),
        "help.user.list": ("총무 계정 목록.", "List the treasurers."),
        "help.token": ("스크립트용 API 토큰 (해시로 저장).", "API tokens for scripts (kept hashed)."),
        "help.token.create": ("토큰을 만들어 한 번만 보여 줍니다.", "Make a token and print it, once."),
        "help.token.revoke": ("토큰을 폐기합니다.", "Revoke a token."),
        "help.token.list": ("토큰 목록 (토큰 자체는 보이지 않음).", "List the tokens (not the tokens themselves)."),
        "help.backup": ("장부를 쓰는 중에도 일관된 복사본을 만듭니다 (SQLite 온라인 백업).", "Write a consistent copy of the ledger while it is in use (SQLite's online backup)."),
        "help.backup.discussion": (
            #"""
            예: hoebi backup /var/backups/hoebi/hoebi-$(date +%F).sqlite   (cron이나 systemd 타이머로 매일)
            되살리기: 서비스를 멈추고 복사본을 hoebi.sqlite 자리에 두세요.
            """#,
            #"""
            Example: hoebi backup /var/backups/hoebi/hoebi-$(date +%F).sqlite   (daily, from cron or a systemd timer)
            To restore: stop the service and put the copy in place of hoebi.sqlite.
            """#
        ),
        "help.copy-db": (
            "장부 전체를 SQLite 파일과 PostgreSQL 사이에 옮기고, 양쪽의 표마다 행 수와 내용 체크섬을 보여 줍니다.",
            "Move a whole ledger between a SQLite file and PostgreSQL, printing row counts and a content checksum per table on both sides."
        ),
        "help.copy-db.discussion": (
            #"""
            예: hoebi copy-db --from hoebi.sqlite --to postgres://hoebi@db.example.com/hoebi --password-env PGPASSWORD
                hoebi copy-db --from postgres://hoebi@/hoebi?host=/run/postgresql --to 되돌림.sqlite
            받는 쪽은 비어 있어야 합니다 (거래가 없는 데이터베이스, 없는 파일). 총무·세션·토큰까지 모두 옮깁니다.
            양쪽 체크섬이 다르면 종료 코드 1: 받은 쪽을 쓰지 마세요.
            """#,
            #"""
            Example: hoebi copy-db --from hoebi.sqlite --to postgres://hoebi@db.example.com/hoebi --password-env PGPASSWORD
                     hoebi copy-db --from postgres://hoebi@/hoebi?host=/run/postgresql --to back.sqlite
            The target must be empty (a database without transactions, a file that does not exist). Treasurers,
            sessions and tokens move too. When the checksums differ the exit code is 1: do not use the target.
            """#
        ),
        "help.sync": (
            "동기화하는 계좌마다 은행 API에서 거래를 받아 오고 다시 매칭합니다.",
            "Pull each synced account's transactions from its bank API, then re-match."
        ),
        "help.hoebi.discussion": (
            #"""
            처음에는:
              hoebi init              # hoebi.json 만들기 (모임, 계좌, 회비, 회원을 물어봄)
              hoebi member add 김하늘  # 나중에 바꿀 때: member list|add|edit|leave

            매달:
              hoebi sync              # 은행 API에서 (또는: hoebi import 거래내역.xlsx)
              hoebi review            # 안전하게 정하지 못한 입금
              hoebi assign t77 hong   # 하나 정하기; 바뀌는 것을 모두 보여 줌 (먼저 --dry-run)
              hoebi undo              # 마지막 결정 되돌리기; 가져오기는 hoebi runs / revert r12
              hoebi report            # 회원 × 기간 표
              hoebi notice --mask     # 단톡방 공지
              hoebi history 홍길동     # 회원 한 명의 입금 (내 납부 내역)

            설정: ./hoebi.json, --config FILE 또는 $HOEBI_CONFIG (config.example.json 참고).
            모임이 하나면 --group은 생략할 수 있습니다. 예시로 해 보기: hoebi demo.
            영어로 보기: HOEBI_LANG=en.

            종료 코드: 0 성공, 1 실패 (예: 어떤 계좌의 동기화 실패), 64 잘못된 사용,
            65 잘못된 입력 파일이나 은행 응답, 66 파일 없음, 74 디스크가 가득 차거나 장부를
            읽고 쓸 수 없음, 75 장부 사용 중 (다른 동기화나 긴 쓰기), 77 장부가 읽기 전용,
            78 잘못된 설정이나 더 새 버전 Hoebi의 장부.
            """#,
            #"""
            First time:
              hoebi init              # write hoebi.json (asks for the group, account, dues, members)
              hoebi member add 김하늘  # later changes: member list|add|edit|leave

            Typical month:
              hoebi sync              # from the bank API (or: hoebi import 거래내역.xlsx)
              hoebi review            # deposits Hoebi could not place safely
              hoebi assign t77 hong   # decide one; prints everything it changes (--dry-run first)
              hoebi undo              # take back the last decision; hoebi runs / revert r12 for imports
              hoebi report            # member × period grid
              hoebi notice --mask     # Korean notice for the group chat
              hoebi history 홍길동     # one member's deposits (내 납부 내역)

            Configuration: ./hoebi.json, --config FILE or $HOEBI_CONFIG
            (see config.example.json). --group may be left out when there is one.
            Try it all on a sample: hoebi demo.

            Exit codes: 0 ok, 1 failure (e.g. a sync of some account failed),
            64 bad usage, 65 bad input file or bank answer, 66 file not found,
            74 the disk is full or the ledger cannot be read or written,
            75 the ledger is busy (another sync, or a long write), 77 the ledger
            is read-only, 78 bad configuration or a ledger from a newer Hoebi.
            """#
        )
    ]
}
