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
        "reason.keyword": ("회비 아님: '{1}'", "not dues: '{1}'"),
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
        "reason.bank.card": ("은행이 쓴 줄: 카드사 지급 ({1})", "the bank's own row: a card company paying out ({1})")
    ]
}
