extension Messages {
    /// The words of `hoebi serve`'s pages that the routes put together (titles, previews, refusals);
    /// the pages are in Korean, the treasurer's language, and a test holds both languages here as
    /// everywhere in the catalogue.
    static let dashboard: [String: (ko: String, en: String)] = [
        "page.groups": ("모임", "Groups"),
        "page.grid": ("납부표", "Payments"),
        "page.review": ("확인 필요", "To check"),
        "page.notice": ("공지", "Notice"),
        "page.runs": ("기록", "History"),
        "page.share": ("회원 링크", "Members' link"),
        "page.upload": ("거래내역 올리기", "Upload a statement"),
        "page.preview": ("미리 보기", "Preview"),
        "page.undoPreview": ("되돌리기 미리 보기", "Undo preview"),
        "page.signIn": ("로그인", "Sign in"),
        "page.membersTitle": ("{1} 회비 현황", "{1}: dues"),
        "page.noticeShowNames": ("이름 보이기", "Show names"),
        "page.people": ("회원", "Members"),
        "page.settings": ("모임 설정", "Group settings"),
        "page.settingsInFile": (
            "이 모임의 설정은 {1}에 적혀 있습니다; 저장하면 그 파일을 바꿉니다 (전 파일은 .bak).", "This group is configured in {1}; saving rewrites that file (the old one kept as .bak)."
        ),
        "page.settingsInLedger": (
            "이 모임의 설정은 장부에 있습니다 (판 {1}, 마지막으로 {2}이(가) {3}에 바꿈).", "This group is configured in the ledger (revision {1}, last changed by {2} at {3})."
        ),
        "page.settingsNotObject": ("JSON 객체가 아닙니다: {1}", "not a JSON object: {1}"),
        "page.settingsOtherID": ("\"id\"는 이 모임의 것({1})이어야 합니다", "\"id\" must be this group's ({1})"),
        "page.settingsStale": (
            "그사이 다른 사람이 설정을 바꿨습니다; 새로 읽은 설정에서 다시 고치세요 (보낸 글은 아래에 있습니다).",
            "someone changed the settings meanwhile; make your change again on the settings as they are now (what you sent is below)."
        ),
        "page.settingsSaved": ("저장했습니다; 모든 입금을 새 설정으로 다시 맞춥니다.", "Saved; every deposit is matched again under the new settings."),
        "page.peopleJoined": ("{1}부터", "from {1}"),
        "page.peopleLeft": ("{1}까지 회원", "member until {1}"),
        "page.peopleAmount": ("회비 {1}원", "{1} won"),
        "page.peopleAliases": ("다른 이름 {1}", "also {1}"),
        "page.peopleBadAmount": ("금액을 읽을 수 없습니다: {1} (예: 20000, 2만원)", "cannot read the amount: {1} (e.g. 20000)"),
        "page.peopleBadPeriod": ("기간을 읽을 수 없습니다: {1} (예: 2026-03)", "cannot read the period: {1} (e.g. 2026-03)"),
        "page.peopleUndoStale": (
            "설정 파일이 그 뒤에 바뀌어 되돌리지 않았습니다 (hoebi.json.bak에 이전 파일이 있습니다)",
            "the configuration changed since, so nothing was undone (the previous file is hoebi.json.bak)"
        ),
        "page.peopleUndone": ("이전 설정으로 되돌렸습니다", "the previous configuration is back"),
        "page.noticeNotDue": (" (기한 전)", " (not due yet)"),
        "page.noticeOpen": (
            "확인할 입금이 {1}건 남아 있어 아래 글이 바뀔 수 있습니다. 보내기 전에 확인하세요 (이 줄은 복사되지 않습니다).",
            "{1} deposit(s) still wait to be checked, so the text below may change. Check them before posting (this line is not copied)."
        ),
        "page.noticeMaskNames": ("이름 가리기 (홍*동)", "Mask names (홍*동)"),
        "page.credit": ("미리 낸 돈", "paid ahead"),
        "page.asOf": ("{1}년 {2}월 {3}일 {4} 기준 (마지막 입출금)", "as of {4}, {1}-{2}-{3} (the last transaction)"),
        "page.noTransactions": ("아직 거래가 없습니다", "no transactions yet"),
        "page.nothingToUndo": ("되돌릴 결정이 없습니다.", "No decision to undo."),
        "page.undoSummary": ("d{1} (t{2} → {3}) 결정을 되돌립니다.", "Undoing d{1} (t{2} → {3})."),
        "page.ruleRestored": ("규칙: '{1}' 입금은 다시 {2}(으)로", "Rule: deposits '{1}' go to {2} again"),
        "page.ruleDropped": ("규칙: '{1}' 규칙을 지웁니다", "Rule: the rule on '{1}' is removed"),
        "page.ruleLearned": ("규칙: 앞으로 '{1}' 입금은 {2}", "Rule: from now on, deposits '{1}' go to {2}"),
        "page.ruleNotLearned": ("규칙: '{1}'은(는) 배우지 않습니다 — {2}", "Rule: '{1}' is not learned — {2}"),
        "page.revertSummary": (
            "r{1}을(를) 되돌리면 거래 {2}건을 지우고 {3}건은 남깁니다 (다른 실행도 가져온 거래)",
            "Reverting r{1} removes {2} transactions and keeps {3} (brought by another run too)"
        ),
        "page.revertDecisions": (", 지울 거래의 결정 {1}건도 함께 지웁니다.", ", and the {1} decisions on the removed ones."),
        "page.decisionSummary": ("t{1} {2} {3}원 '{4}': {5} → {6}", "t{1} {2} {3} won '{4}': {5} → {6}"),
        "page.pickMember": ("회원을 고르세요", "Pick a member"),
        "page.memberShare": (" (입금 {1}원 중 이 회원 몫)", " (this member's part of {1} won)"),
        "page.badParts": (
            "일괄 납부나 나누기를 읽을 수 없습니다: 회원, 금액 (예: 20000), 기간 (예: 2026-05)을 확인하세요",
            "Cannot read the collective payment or split: check the members, amounts (e.g. 20000) and periods (e.g. 2026-05)"
        ),
        "page.pickAction": ("무엇을 할지 고르세요", "Pick what to do"),
        "page.cannot": ("할 수 없습니다", "Cannot do that"),
        "page.signInNeeded": ("로그인이 필요합니다", "Sign in first"),
        "page.signInAgain": ("다시 로그인해 주세요.", "Please sign in again."),
        "page.csrfTitle": ("요청을 처리하지 않았습니다", "The request was not carried out"),
        "page.csrf": (
            "페이지가 오래됐거나 다른 사이트에서 보낸 요청입니다 (CSRF). 페이지를 새로 고친 뒤 다시 해 보세요.",
            "The page was old or the request came from another site (CSRF). Reload the page and try again."
        ),
        "page.signInStale": ("로그인 화면이 오래되었습니다. 다시 입력해 주세요.", "The sign-in page was old. Please enter it again."),
        "page.signInLimited": ("로그인을 너무 많이 틀렸습니다. 10분 뒤에 다시 해 보세요.", "Too many failed sign-ins. Try again in ten minutes."),
        "page.signInWrong": ("이름이나 비밀번호가 맞지 않습니다.", "The name or the password is wrong."),
        "page.badLink": ("열 수 없는 링크입니다", "This link does not open"),
        "page.askForLink": ("총무에게 새 링크를 물어보세요.", "Ask the treasurer for a new link."),
        "page.notFound": ("없는 페이지입니다", "No such page"),
        "page.checkAddress": ("주소를 확인해 주세요.", "Check the address."),
        "page.busy": ("잠시 뒤에 다시 해 보세요", "Try again in a moment"),
        "page.ledgerFailed": ("장부를 읽거나 쓰지 못했습니다", "The ledger could not be read or written"),
        "page.seeLog": ("서비스 기록(log)을 확인하세요.", "See the service's log."),
        "page.noFile": ("파일을 읽지 못했습니다", "No file was read"),
        "page.pickFile": ("올릴 거래내역 파일을 골라 주세요.", "Pick the statement file to upload."),
        "page.uploaded": ("올렸습니다", "Uploaded"),
        "page.notImported": ("가져오지 못했습니다", "Not imported")
    ]
}
