extension Messages {
    /// Why a deposit went where it did: stored in the ledger as references (`Messages.ref`) and
    /// shown in the reader's language by `review`, `explain`, `transactions` and the reports.
    static let reasons: [String: (ko: String, en: String)] = [
        "reason.notDecided": ("아직 정하지 못함", "not decided"),
        "reason.notMatched": (
            "아직 매칭 전 (가져오기·동기화 중; 계속 이러면 `hoebi match`)",
            "not matched yet (an import or sync is in progress; run `hoebi match` if this stays)"
        ),
        "reason.ignoredByTreasurer": ("총무가 회비 아님으로 정함", "ignored by the treasurer"),
        "reason.unassigned": ("총무가 자동 배정을 취소함", "un-assigned by the treasurer"),
        "reason.memberGone": (
            "설정에 없는 회원 '{1}'에게 정한 입금: 다시 배정하거나 `hoebi clear`로 거두세요",
            "decided for member '{1}', who is no longer in the configuration: assign it again, or `hoebi clear` it"
        ),
        "reason.interest": ("이자", "interest"),
        "reason.zero": ("0원", "zero amount"),
        "reason.ruleConflict": (
            "충돌: '{1}'은(는) 회비 아님 규칙이 있는데 회원 {2}의 이름이 들어 있습니다; 이 입금을 정하거나 규칙을 지우세요 (hoebi aliases --remove '{1}')",
            "conflict: a rule says '{1}' is not dues, but it names member {2}; decide this deposit, or remove the rule (hoebi aliases --remove '{1}')"
        ),
        "reason.ruleNotDues": ("회비 아님 (이 입금자명에 대한 총무의 규칙)", "not dues (a treasurer's rule for this text)"),
        "reason.ruleByHand": ("총무가 이 입금자명은 직접 정하기로 함", "a treasurer asked to decide this text by hand"),
        "reason.keyword": ("'{1}' (회비가 아닌 말)", "not dues: '{1}'"),
        "reason.memoKeyword": ("회비 아님: 메모의 '{1}'", "not dues: '{1}' in the memo"),
        "reason.fee": ("{1} ({2}원)", "{1} ({2} won)"),
        "reason.feeAmount": ("{1}(이)라고 했지만 {2}원은 {1} {3}원과 다릅니다", "{1} named, but {2} won is not the {3} won fee"),
        "reason.noName": ("입금자명 없음", "no depositor name"),
        "reason.unknown": ("모르는 입금자", "unknown depositor"),
        "reason.onLeave": ("{1}님은 {2}부터 끝 없이 휴회 중입니다; 이 돈이 회비인가요?", "{1} is on leave (휴회) since {2} with no end; is this money dues?"),
        "reason.unpairedReturn": (
            "돌아온 돈(취소/반환/환불)인데 짝이 되는 출금이 없습니다: 환불인가요, 누군가의 회비인가요?",
            "money returned (취소/반환/환불) that pairs with no outgoing transfer: a refund, or someone's dues?"
        ),
        "reason.reversal": ("t{1} 출금의 취소 ({2}, {3}원, '{4}')", "reversal of t{1} ({2}, {3} won to '{4}')"),
        "reason.noMember": ("'{1}' 회원이 없습니다", "no member '{1}'"),
        "reason.notOwed.exempt": ("입금자명이 {1}을(를) 말하지만 {2}님은 그 기간 면제입니다", "text names {1}, which {2} does not owe (exempt)"),
        "reason.notOwed.paused": ("입금자명이 {1}을(를) 말하지만 {2}님은 그 기간 휴회입니다", "text names {1}, which {2} does not owe (on leave (휴회))"),
        "reason.notOwed.inactive": ("입금자명이 {1}을(를) 말하지만 {2}님은 그때 회원이 아닙니다", "text names {1}, which {2} does not owe (not a member then)"),
        "reason.alreadyPaid": ("입금자명이 {1}을(를) 말하지만 이미 냈습니다", "text names {1}, already paid"),
        "reason.shortMonths": ("입금자명이 {1}개월 ({2}원)을 말하지만 입금은 {3}원입니다", "text names {1} months ({2} won due) but the deposit is {3} won"),
        "reason.shortPeriods": ("입금자명이 {1}개 기간 ({2}원)을 말하지만 입금은 {3}원입니다", "text names {1} periods ({2} won due) but the deposit is {3} won"),
        "reason.givenOrTypo": ("{1}의 이름(성 빼고)이지만 {2}의 이름과 한 글자만 다릅니다", "given name of {1}, but also one letter off {2}'s full name"),
        "reason.givenOrCut": ("{1}의 이름(성 빼고)이거나 잘린 {2}의 이름입니다", "given name of {1}, or {2}'s name cut short"),
        "reason.lookAlike": ("'{1}'에 {2}의 이름 {3}이(가) 있지만 다른 이름으로 읽힙니다 (덧붙은 '{4}')", "'{1}' holds {2}'s name {3} but reads as another name (extra '{4}')"),
        "reason.sameName": ("같은 이름: 회원 {1}", "same name: members {1} share it"),
        "reason.severalNamed": ("입금 하나에 여러 회원: {1}", "several members named in one deposit: {1}"),
        "reason.bank.pocket": ("은행이 쓴 줄: 통장의 보관함·세이프박스에서 옮긴 돈 ({1})", "the bank's own row: money moved back from the account's own pocket ({1})"),
        "reason.bank.closed": ("은행이 쓴 줄: 만기·해지된 예금 ({1})", "the bank's own row: a matured or closed deposit ({1})"),
        "reason.bank.card": ("은행이 쓴 줄: 카드사 지급 ({1})", "the bank's own row: a card company paying out ({1})"),
        "reason.bank.cashback": ("은행이 쓴 줄: 캐시백·프로모션 적립 ('{1}')", "the bank's own row: cashback or a promotion credit ('{1}')"),
        "reason.bank.cardCancel": ("은행이 쓴 줄: 카드 결제 취소 ({1})", "the bank's own row: a card payment cancelled ({1})"),
        "reason.bank.verification": ("은행이 쓴 줄: 계좌 확인용 {1}원 입금", "the bank's own row: a {1}-won account check"),
        "reason.farAhead": (
            "{1}님 이름의 {2}원은 회비의 {4}배로, {3}까지 미리 내는 셈입니다: 한 사람의 회비가 맞나요, 여러 사람 몫(일괄 납부)이나 다른 돈인가요?",
            "{2} won in {1}'s name is {4}× the dues and would pay up to {3}: one member's dues, several members' (collective), or other money?"
        ),
        "reason.beyondOwed": (
            "{1}님이 낼 수 있는 회비보다 {3}원 많은 {2}원입니다 (탈퇴 등): 회비가 맞나요, 돌려줄 돈인가요?",
            "{2} won is {3} won more than {1} can owe (left the club?): dues, or money to give back?"
        ),
        "reason.fractionAhead": (
            "{1}님은 {2}까지 다 냈는데 {3}원은 다음 회비 {4}원에 못 미칩니다: 참가비 같은 다른 돈인가요?",
            "{1} has paid up to {2}, and {3} won is short of the next dues ({4} won): other money, such as a 참가비?"
        ),
        "reason.owesNothing.exempt": ("{1}님은 {2} 회비 면제인데 {3}원이 들어왔습니다: 찬조인가요, 회비인가요?", "{1} is exempt in {2}, yet {3} won came in: a gift, or dues?"),
        "reason.owesNothing.paused": ("{1}님은 {2} 휴회 중인데 {3}원이 들어왔습니다: 회비인가요?", "{1} is on leave (휴회) in {2}, yet {3} won came in: dues?"),
        "reason.owesNothing.inactive": (
            "{1}님은 {2}에 회원이 아닌데 {3}원이 들어왔습니다: 회비인가요, 돌려줄 돈인가요? 가입·탈퇴 달이 다르면 hoebi member edit {1} --joined 또는 --left로 고치세요",
            "{1} is not a member in {2}, yet {3} won came in: dues, or money to give back? If they joined or left in another month, fix it with hoebi member edit {1} --joined or --left"
        ),
        "reason.beforeSchedule": (
            "{2}의 {1}원인데 회비는 {3}부터입니다: 회비가 더 일찍 시작했다면 hoebi group edit --start {2}",
            "{1} won in {2}, but dues start in {3}: if they started earlier, hoebi group edit --start {2}"
        ),
        "reason.treasurerOwn": (
            "총무(예금주) {1}님 이름의 {2}원: 운영비를 넣었거나 여러 사람 회비를 모아 낸 돈일 수 있습니다 — 본인 회비면 배정, 여러 사람 몫이면 일괄 납부(hoebi collect), 아니면 회비 아님",
            "{2} won in the treasurer's (or holder's) name {1}: float money or dues collected from several members? Their own dues: assign; several members': hoebi collect; else: not dues"
        ),
        "reason.holderOwn": (
            "예금주 '{1}' 이름의 {2}원: 운영비나 모아 낸 회비일 수 있습니다 — 여러 사람 몫이면 일괄 납부(hoebi collect), 아니면 회비 아님",
            "{2} won in the account holder's name '{1}': float money, or dues collected from several members (hoebi collect)?"
        ),
        "reason.beyondNamed": (
            "입금자명이 {1} ({2}원)을(를) 말하지만 입금은 {3}원입니다: 나머지는 무엇인가요?",
            "text names {1} ({2} won due) but the deposit is {3} won: what is the rest?"
        ),
        "reason.refunded": (
            "돌려준 돈: t{1} 출금 ({2}, {3}원, '{4}')으로 환불됨",
            "given back: refunded by t{1} ({2}, {3} won to '{4}')"
        ),
        "reason.maybeRefunded": (
            "같은 금액이 t{1} 출금 ({2}, {3}원, '{4}')으로 나갔습니다: 환불한 돈인가요, 다른 지출인가요?",
            "the same amount went out in t{1} ({2}, {3} won to '{4}'): a refund, or other spending?"
        ),
        "reason.part": ("나눈 돈: {1}", "a part of a deposit: {1}"),
        "reason.splitSum": (
            "나눈 금액의 합 {1}원이 입금 {2}원과 다릅니다: 다시 나누세요",
            "the parts add up to {1} won, the deposit is {2} won: split it again"
        ),
        "reason.collectiveNothing": ("일괄 납부로 정했지만 {1}에 낼 회비가 남은 회원이 없습니다", "decided as a collective payment, but no member still owes dues for {1}"),
        "reason.collectiveSum": (
            "일괄 납부: 회원 {1}명의 {2} 회비는 {3}원인데 입금은 {4}원입니다 — 회원을 고치거나 남는 돈의 이름을 주세요 (--rest)",
            "collective payment: {1} members owe {3} won for {2}, the deposit is {4} won; change the members or name the rest (--rest)"
        ),
        "reason.partlyRefunded": (
            "t{1} 출금 ({2}, {3}원, 환불)이 이 {4}원의 일부를 돌려준 것 같습니다: 회비인 부분만 나눠 정하세요 (hoebi split)",
            "t{1} ({2}, {3} won, a refund) seems to give back part of these {4} won: split off the part that is dues (hoebi split)"
        ),
        "reason.unpairedRefund": (
            "출금: {1}님에게 {2}원 환불인데 돌려준 입금을 찾지 못했습니다 — 그 입금을 나누거나 (hoebi split) 회비 아님으로 정하세요; 확인했으면 이 출금에 hoebi ignore",
            "a transfer out: a {2}-won refund to {1} that returns none of their deposits; split or ignore the deposit it returns, then hoebi ignore this transfer"
        ),
        "reason.mixed": (
            "회비와 '{1}'이(가) 함께 든 {2}원: 회비 {3}원과 나머지 {4}원으로 나누면 됩니다 (hoebi split)",
            "{2} won holds dues and '{1}': split it as {3} won dues and {4} won other (hoebi split)"
        )
    ]
}
