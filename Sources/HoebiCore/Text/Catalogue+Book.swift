extension Messages {
    /// The club's whole book (issue 24): events, kinds of money, receipts, the auditor's role and
    /// the handover bundle.
    static let book: [String: (ko: String, en: String)] = [
        "help.event": (
            "행사 (송년회, MT): 참가비를 누가 냈고 누가 안 냈는지, 쓴 돈과 정산.", "Events (a year-end party, a trip): who paid the fee, who owes, what it cost, settling."
        ),
        "help.event.add": ("행사를 만듭니다.", "Add an event."),
        "help.event.edit": ("행사를 고칩니다.", "Change an event."),
        "help.event.close": ("행사를 마감합니다 (목록에서 마감으로 보입니다; 늦게 낸 돈도 그 행사에 들어갑니다).", "Close an event (late payments still count for it)."),
        "help.event.list": ("행사 목록과 걷은 돈.", "List the events and what each collected."),
        "help.event.show": ("한 행사: 참석자마다 낸 돈과 낼 돈, 확인할 입금, 쓴 돈.", "One event: what each attendee paid and owes, deposits to check, spending."),
        "help.event.pay": (
            "입금을 행사 참가비로 정합니다 (입금자명에 이름이 없으면 --member로 누가 냈는지). hoebi undo로 되돌립니다.",
            "File deposits as an event's fee (--member when the text names nobody); hoebi undo takes it back."
        ),
        "help.event.settle": (
            "실제 쓴 돈으로 정산안을 만듭니다: 1/N, 또는 참가비만 받고 나머지는 회비에서. 장부에는 아무것도 쓰지 않습니다.",
            "A settlement proposal from the real cost: 1/N, or the fee with the club paying the rest. Writes nothing."
        ),
        "event.added": ("행사 {1}을(를) 만들었습니다 ({2})", "added the event {1} ({2})"),
        "event.changed": ("행사 {1}을(를) 고쳤습니다", "changed the event {1}"),
        "event.closed": ("행사 {1}을(를) 마감했습니다", "closed the event {1}"),
        "event.reopened": ("행사 {1}을(를) 다시 열었습니다", "reopened the event {1}"),
        "event.exists": ("행사 {1}이(가) 이미 있습니다: hoebi event edit {1}", "the event {1} exists already: hoebi event edit {1}"),
        "event.noneYet": (
            "아직 행사가 없습니다. 만들기: hoebi event add 송년회 --date 2026-12-20 --fee 30000", "no events yet; add one: hoebi event add 송년회 --date 2026-12-20 --fee 30000"
        ),
        "event.badDate": ("--date {1}을(를) 읽을 수 없습니다: 2026-12-20처럼 적어 주세요", "cannot read --date {1}: write it like 2026-12-20"),
        "event.list.line": ("{1}  {2}  참가비 {3}  걷음 {4}원  낸 사람 {5}/{6}명{7}", "{1}  {2}  fee {3}  collected {4} won  paid {5} of {6}{7}"),
        "event.list.closed": (" · 마감", " · closed"),
        "event.list.questions": (" · 확인 필요 {1}건", " · {1} to check"),
        "event.noFee": ("정산 때 정함", "set when settling"),
        "event.show.title": ("{1} · {2} · 참가비 {3}", "{1} · {2} · fee {3}"),
        "event.show.header": ("참석자|낸 돈|돌려준 돈|낼 돈", "attendee|paid|refunded|owes"),
        "event.show.unlisted": (" (명단 밖)", " (not listed)"),
        "event.show.unmatched": (
            "누가 냈는지 모르는 돈 ({1}건): hoebi event pay {2} t번호 --member 이름", "money with no payer found ({1}): hoebi event pay {2} tN --member NAME"
        ),
        "event.show.questions": (
            "확인이 필요한 돈 ({1}건: 참가비와 금액이 다르거나, 이 행사 돈인지 말하지 않음): 행사 돈이면 hoebi event pay {2} t번호 (회비와 섞였으면 hoebi split), 아니면 hoebi category set t번호 항목",
            "money to check ({1}: not the fee, or not saying it is this event's): hoebi event pay {2} tN (hoebi split when dues are in it), else hoebi category set tN LINE"
        ),
        "event.show.checking": ("확인 중", "checking"),
        "event.show.spending": ("쓴 돈 {1}원", "spent {1} won"),
        "event.show.totals": ("걷음 {1}원 · 돌려줌 {2}원 · 쓴 돈 {3}원 · 남은 돈 {4}원", "collected {1} · refunded {2} · spent {3} · left {4} won"),
        "event.text.fee": ("참가비 {1}원", "fee {1} won"),
        "event.text.paid": ("✅ 낸 사람 {1}명", "✅ paid: {1}"),
        "event.text.owing": ("⏳ 아직 {1}명", "⏳ not yet: {1}"),
        "event.text.checking": ("🔍 확인 중인 입금 {1}건이 있습니다 (총무가 확인 후 반영합니다)", "🔍 {1} deposit(s) are being checked"),
        "event.text.account": ("입금: {1} {2}{3}, 입금자명에 이름과 \"{4}\"을(를) 적어 주세요", "send to {1} {2}{3}, with your name and \"{4}\""),
        "event.settle.title": ("{1} 정산 · {2}", "{1} settlement · {2}"),
        "event.settle.cost": ("쓴 돈 {1}원", "cost {1} won"),
        "event.settle.even": ("참석 {1}명 · 1인당 {2}원 (1/N, 100원 단위 올림)", "{1} attendees · {2} won each (1/N, rounded up to 100)"),
        "event.settle.fee": ("참석 {1}명 · 1인당 참가비 {2}원, 나머지는 회비에서", "{1} attendees · the fee {2} won each, the club pays the rest"),
        "event.settle.collected": ("걷은 참가비 {1}원 ({2}명)", "fees collected {1} won ({2} people)"),
        "event.settle.more": ("더 낼 사람: {1}", "to pay more: {1}"),
        "event.settle.back": ("돌려받을 사람: {1}", "to get back: {1}"),
        "event.settle.rounding": ("올림으로 남는 {1}원은 모임 돈으로 둡니다", "the {1} won from rounding stays with the club"),
        "event.settle.club": ("회비에서 {1}원을 냅니다", "the club pays {1} won from its funds"),
        "event.settle.noCost": (
            "{1}의 쓴 돈을 모릅니다: 출금을 행사로 분류하거나 (hoebi category t번호 {1}) --cost 450000을 주세요",
            "the cost of {1} is not known: file its withdrawals (hoebi category tN {1}) or give --cost 450000"
        ),
        "event.notice.warning": (
            "⚠️ {2}에 확인할 입금이 {1}건 있습니다 (hoebi event show {2}): 공지에는 '확인 중'으로만 나갑니다",
            "⚠️ {1} deposit(s) for {2} need a look (hoebi event show {2}); the notice says only that some are being checked"
        ),
        "help.category": (
            "결산의 항목: 출금과 회비 아닌 입금이 무엇에 쓰였는지 (대관료, 식비, 송년회 …).", "The 결산's lines: what each withdrawal and non-dues deposit was for."
        ),
        "help.category.list": ("출금과 회비 아닌 입금을 항목과 그 근거와 함께 보여 줍니다.", "List withdrawals and non-dues deposits with their line and why."),
        "help.category.set": (
            "거래를 항목으로 정합니다 (미리 보기: --dry-run, 되돌리기: hoebi category undo).", "File rows under a line (--dry-run previews; hoebi category undo)."
        ),
        "help.category.rule": ("말 하나를 항목으로 정해 둡니다 (스타벅스 → 식비).", "Remember a word as a line (스타벅스 → 식비)."),
        "help.category.undo": ("마지막 항목 정하기를 되돌립니다.", "Take the last category change back."),
        "category.by.decision": ("총무가 정함", "set by the treasurer"),
        "category.by.learned": ("같은 입금자명 {1}을(를) 따름", "as {1} with the same text"),
        "category.by.rule": ("규칙 '{1}'", "rule '{1}'"),
        "category.by.event": ("행사 {1}", "event {1}"),
        "category.by.builtIn": ("기본 말", "built-in word"),
        "category.none": ("해당하는 거래가 없습니다.", "no rows."),
        "category.unsortedHint": (
            "분류 안 된 거래 {1}건: hoebi category set t번호 항목 (예: 대관료, 식비, 송년회)", "{1} rows not sorted: hoebi category set tN LINE"
        ),
        "category.usage": ("거래 번호와 항목을 주세요: hoebi category set t90 t91 송년회", "give transaction ids and a line: hoebi category set t90 t91 송년회"),
        "category.notBook": (
            "t{1}은(는) 출금이나 회비 아닌 입금이 아닙니다 (회비로 정해진 입금은 hoebi unassign으로 먼저 풀어 주세요)",
            "t{1} is not a withdrawal or a deposit that is not dues"
        ),
        "category.noChange": ("바뀌는 항목이 없습니다.", "no line changes."),
        "category.undoHint": ("되돌리려면: hoebi category undo", "to take it back: hoebi category undo"),
        "category.nothingToUndo": ("되돌릴 항목 정하기가 없습니다.", "no category change to take back."),
        "category.undone": ("되돌림: {1}을(를) {2}(으)로 정한 것 ({3}, {4})", "taken back: {1} filed as {2} ({3}, {4})"),
        "category.noRule": ("'{1}' 규칙이 없습니다.", "there is no rule '{1}'."),
        "category.ruleAdded": ("'{1}'이(가) 든 거래를 {2}(으)로 분류합니다", "rows with '{1}' are filed as {2}"),
        "category.ruleRemoved": ("'{1}' 규칙을 지웠습니다", "removed the rule '{1}'"),
        "closing.xlsxOutput": ("xlsx는 파일로 씁니다: --output 결산.xlsx", "xlsx is written to a file: --output closing.xlsx"),
        "closing.written": ("{1}에 썼습니다", "wrote {1}"),
        "help.receipt": ("출금에 영수증 (사진, PDF)을 붙이고 봅니다.", "Attach receipts (photos, PDFs) to withdrawals and see them."),
        "help.receipt.add": ("출금 하나에 영수증 파일을 붙입니다.", "Attach a receipt file to a withdrawal."),
        "help.receipt.list": ("영수증이 붙은 출금과 없는 출금을 보여 줍니다.", "List withdrawals with and without a receipt."),
        "help.receipt.get": ("영수증 파일을 꺼냅니다.", "Write a receipt's file out."),
        "help.receipt.remove": ("영수증을 뗍니다.", "Remove a receipt."),
        "receipt.empty": ("{1}: 빈 파일입니다", "{1}: the file is empty"),
        "receipt.tooLarge": ("{1}: {2}MB는 너무 큽니다 (영수증은 10MB까지)", "{1}: {2} MB is too large (receipts up to 10 MB)"),
        "receipt.kind": ("{1}: 사진(JPEG, PNG, HEIC, WebP)이나 PDF가 아닙니다", "{1}: not a photo (JPEG, PNG, HEIC, WebP) or a PDF"),
        "receipt.notWithdrawal": ("t{1}은(는) 출금이 아닙니다: 영수증은 나간 돈에 붙입니다", "t{1} is not a withdrawal: receipts go with money out"),
        "receipt.added": ("t{1}에 영수증 {2}을(를) 붙였습니다 (r{3})", "attached {2} to t{1} (r{3})"),
        "receipt.none": ("영수증 r{1}이(가) 없습니다", "there is no receipt r{1}"),
        "receipt.removed": ("영수증 r{1}을(를) 뗐습니다", "removed the receipt r{1}"),
        "receipt.missing": ("영수증 없는 출금 {1}건", "{1} withdrawal(s) without a receipt"),
        "receipt.has": ("영수증", "receipt"),
        "view.head.spending": ("지출", "Spending"),
        "view.spending.heading": ("지출과 영수증", "Spending and receipts"),
        "view.spending.attach": ("영수증 붙이기 (사진 찍기)", "Attach a receipt (take a photo)"),
        "view.spending.upload": ("올리기", "Upload"),
        "view.spending.none": ("아직 출금이 없습니다.", "No withdrawals yet."),
        "page.spending": ("지출", "Spending"),
        "page.unsorted": ("분류 안 됨", "not sorted"),
        "page.spendingSummary": ("최근 출금 {1}건 · 영수증 없는 출금 {2}건", "{1} recent withdrawals · {2} without a receipt"),
        "user.viewerRefused": ("보기 전용 사용자(감사)는 바꿀 수 없습니다: 총무에게 부탁하세요", "a read-only user (auditor) cannot change anything; ask the treasurer"),
        "page.viewerTitle": ("보기 전용", "Read only"),
        "user.addedViewer": ("보기 전용 사용자 {1}을(를) 만들었습니다: 모든 화면을 보고, 아무것도 바꾸지 못합니다", "added {1}, read only: sees everything, changes nothing"),
        "user.role.treasurer": ("총무", "treasurer"),
        "user.role.viewer": ("보기 전용 (감사)", "read only (auditor)"),
        "user.everyGroup": ("모든 모임", "every group"),
        "user.scopeAll": ("{1}은(는) 이제 모든 모임을 봅니다", "{1} now sees every group"),
        "user.scopeListed": ("{1}이(가) 볼 수 있는 모임: {2}", "{1} may see: {2}"),
        "user.groupsOrAll": ("모임 아이디들이나 --all 가운데 하나를 주세요", "give group ids or --all, one of the two"),
        "help.user.groups": (
            "사용자가 볼 수 있는 모임을 정합니다 (다른 모임은 없는 것처럼 보입니다).", "Set which groups a user may see (other groups look as if they did not exist)."
        ),
        "user.badRole": ("역할 {1}을(를) 모릅니다: treasurer(총무) 또는 viewer(감사)", "unknown role {1}: treasurer or viewer"),
        "help.export": (
            "총무 인계 파일을 만듭니다: 설정, 장부 (결정과 그 기록, 항목, 영수증 포함), 해마다의 결산. 로그인과 은행 토큰은 넣지 않습니다.",
            "Write a handover bundle: configuration, ledger (decisions with their history, lines, receipts), each year's 결산; no sign-ins or bank tokens."
        ),
        "help.import-bundle": ("인계 파일을 다른 컴퓨터에 그대로 되살리고, 행 수와 체크섬을 맞춰 봅니다.", "Restore a handover bundle exactly, comparing row counts and the checksum."),
        "bundle.counts": ("행 수: {1} · 체크섬 {2}…", "rows: {1} · checksum {2}…"),
        "bundle.written": ("{1}에 인계 파일을 썼습니다 (결산 {2}개 해)", "wrote the handover bundle {1} ({2} years of 결산)"),
        "bundle.wouldOverwrite": ("{1}이(가) 이미 있습니다: 빈 폴더를 주세요 (--into 새폴더)", "{1} exists already: give an empty folder (--into NEW)"),
        "bundle.notABundle": ("{1}은(는) hoebi export가 쓴 인계 파일이 아닙니다", "{1} is not a bundle hoebi export wrote"),
        "bundle.mismatch": (
            "{1}의 내용이 만들 때와 다릅니다 (체크섬 {2} ≠ {3}): 아무것도 되살리지 않았습니다. 파일을 다시 받아 주세요",
            "{1} differs from what was exported (checksum {2} ≠ {3}); nothing was restored"
        ),
        "bundle.restored": ("{1}에 되살렸습니다 · 행 수와 체크섬 {2}… 이(가) 만들 때와 같습니다", "restored into {1}; row counts and checksum {2}… match the export"),
        "closing.gap": (
            "⚠️ 잔액이 이어지지 않는 곳: {1}와 {2} 사이 {3} (빠지거나 바뀐 거래가 있을 수 있습니다)", "⚠️ the balances do not chain between {1} and {2}: {3} (a row may be missing or altered)"
        ),
        "view.head.events": ("행사", "Events"),
        "view.events.heading": ("행사와 참가비", "Events and their fees"),
        "view.events.none": (
            "아직 행사가 없습니다. hoebi event add 송년회 --date 2026-12-20 --fee 30000", "No events yet: hoebi event add 송년회 --date 2026-12-20 --fee 30000"
        ),
        "view.events.closed": ("마감", "closed"),
        "view.events.attendee": ("참석자", "Attendee"),
        "view.events.paid": ("낸 돈", "Paid"),
        "view.events.owes": ("낼 돈", "Owes"),
        "view.events.closing": ("결산 보기 (인쇄용)", "The 결산 (to print)"),
        "page.events": ("행사", "Events"),
        "page.eventSummary": ("참가비 {1} · 걷음 {2} · 낸 사람 {3}/{4}명", "fee {1} · collected {2} · paid {3} of {4}"),
        "page.eventNoFee": ("정산 때 정함", "set when settling"),
        "page.eventQuestions": (
            "이 행사에 확인할 입금이 {1}건 있습니다: 공지에는 '확인 중'으로만 나갑니다", "{1} deposit(s) for this event need a look; the notice says only that some are being checked"
        ),
        "page.checking": ("확인 중", "checking"),
        "view.head.readOnly": ("보기 전용 (감사): 모든 화면을 볼 수 있고, 아무것도 바꿀 수 없습니다.", "Read only (auditor): you can see everything and change nothing."),
        "explain.event.paid": ("행사: {1} 참가비, {2}의 돈으로 셈", "event: {1}, counted as {2}'s fee"),
        "explain.event.refund": ("행사: {1}에서 {2}에게 돌려준 돈", "event: money of {1} given back to {2}"),
        "explain.event.unmatched": (
            "행사: {1}의 돈이지만 누가 냈는지 모릅니다: hoebi event pay {1} t{2} --member 이름", "event: {1} money, payer unknown: hoebi event pay {1} t{2} --member NAME"
        ),
        "explain.event.question": ("행사: {1}을(를) 말하지만 금액이 참가비와 달라 확인이 필요합니다", "event: names {1}, but not its fee: to check"),
        "explain.event.spent": ("행사: {1}에 쓴 돈", "event: spent on {1}"),
        "explain.line": ("결산 항목: {1} ({2})", "결산 line: {1} ({2})"),
        "explain.line.none": ("정하기: hoebi category set t{1} 항목", "set it: hoebi category set t{1} LINE"),
        "view.spending.line": ("결산 항목", "결산 line"),
        "view.spending.lineExample": ("대관료", "venue"),
        "view.spending.setLine": ("정하기", "Set"),
        "view.spending.undo": ("마지막 항목 정하기 되돌리기", "Take the last line back"),
        "page.lineSet": ("{1}(으)로 정했습니다: 항목이 바뀐 거래 {2}건 (같은 입금자명의 거래도 따라갑니다)", "filed as {1}: {2} row(s) changed line (rows with the same text follow)"),
        "page.lineUndone": ("되돌렸습니다: {1}", "taken back: {1}"),
        "page.lineNothing": ("되돌릴 항목 정하기가 없습니다", "no line change to take back"),
        "revert.receipts": (
            "{1}이(가) 가져온 출금에 영수증이 붙어 있어 되돌리지 않았습니다 ({2}): 먼저 hoebi receipt get으로 꺼내 두고 hoebi receipt remove로 떼어 주세요",
            "{1} brought withdrawals with receipts ({2}), so it was not reverted: save them (hoebi receipt get) and remove them (hoebi receipt remove) first"
        ),
        "help.user.role": (
            "사용자의 역할을 바꿉니다: treasurer(총무) 또는 viewer(감사, 보기 전용). 그 사용자는 다시 로그인합니다.", "Change a user's role: treasurer or viewer (read only); they sign in again."
        ),
        "user.roleSet": ("{1}의 역할: {2} (다시 로그인해야 합니다)", "{1} is now {2} (signs in again)"),
        "event.paidAs": ("{1}건을 {2} 참가비로 정했습니다", "filed {1} deposit(s) as {2} money")
    ]
}
