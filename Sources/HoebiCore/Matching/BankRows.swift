/// Rows the bank itself writes into an account — interest, moves from the account's own pockets,
/// matured deposits, card companies paying out — are never a member's dues, whatever names they
/// seem to hold (하나카드 is not 박하나). Built in, so a new treasurer gets them right without
/// configuring anything; a group can switch them off (`"builtinRules": false`).
public enum BankRows {
    /// A row's text and kind, with their letters worked out once for all the checks below.
    struct Words {
        let text, kind, letters, kindLetters: String
        init(text: String, kind: String) {
            (self.text, self.kind) = (text, kind)
            (letters, kindLetters) = (Normalise.letters(text), Normalise.letters(kind))
        }
    }

    /// Why the row is the bank's own, or nil.
    public static func verdict(text: String, kind: String) -> String? { verdict(Words(text: text, kind: kind)) }

    static func verdict(_ w: Words) -> String? {
        let letters = w.letters, k = w.kindLetters
        if isPlainInterest(w) || interest.hasBytes(letters)
            || (letters.endsBytes(with: "이자") && letters.count <= 9 && pocketWords.contains { letters.startsBytes(with: $0) })
        {
            return Messages.ref("reason.interest")
        }
        if k.holds("세이프박스") || pocketWords.hasBytes(letters) || isPocket(letters, k) {
            return Messages.ref("reason.bank.pocket", w.text)
        }
        // Cashback and promotion credits (Toss 프로모션입금, 신한할인캐쉬백), and a card payment
        // that arrives as money in: the shop cancelled it.
        if let word = creditWords.first(where: { k.holds($0) || letters.holds($0) }) {
            return Messages.ref("reason.bank.cashback", word)
        }
        if cardPaymentKinds.contains(where: { k.holds($0) }) {
            return Messages.ref("reason.bank.cardCancel", w.kind)
        }
        if closing.contains(where: { letters.endsBytes(with: $0) }) && closingStems.contains(where: { letters.startsBytes(with: $0) }) {
            return Messages.ref("reason.bank.closed", w.text)
        }
        if let card = cardCompanies.first(where: { letters.holds($0) }) {
            return Messages.ref("reason.bank.card", card)
        }
        return nil
    }

    /// A pocket the user named (KakaoBank `부가세박스`, `여행박스`): a short text ending in 박스, or
    /// the bank's 넣기/빼기 kinds that move money between the account and its pockets.
    static func isPocket(_ letters: String, _ kind: String) -> Bool {
        (letters.endsBytes(with: "박스") && letters.count <= 12) || kind.isBytes("넣기") || kind.isBytes("빼기") || kind.endsBytes(with: "박스")
    }
    static let creditWords = ["프로모션", "캐쉬백", "캐시백", "cashback", "포인트전환", "리워드"]
    /// Kinds a card purchase is written with; as a deposit they are the purchase cancelled.
    static let cardPaymentKinds = ["체크카드결제", "체크카드", "카드결제", "신용카드결제"]

    /// A deposit of a few won (1원 account checks send a code as the text) is never dues.
    public static func isVerification(amount: Won, text: String) -> Bool {
        amount > 0 && amount < 10 && Normalise.letters(text).count <= 10
    }

    /// Interest the matcher has always known (a kind saying 이자, or the text 이자/예금이자/결산이자):
    /// recognised even when a group turns the built-in rules off.
    public static func isPlainInterest(text: String, kind: String) -> Bool {
        kind.holds("이자") || plainInterest.hasBytes(Normalise.letters(text))
    }
    static func isPlainInterest(_ w: Words) -> Bool { w.kind.holds("이자") || plainInterest.hasBytes(w.letters) }
    static let plainInterest = ["이자", "예금이자", "결산이자"]

    /// Interest as banks spell it (the kind column often says so as well: 예금이자, 이자입금).
    static let interest = ["이자", "예금이자", "결산이자", "이자입금", "통장이자", "입출금통장이자", "세이프박스이자", "보통예금이자", "이자지급", "이자결산"]
    /// The account's own sub-accounts (KakaoBank 세이프박스 and 저금통, Toss's 모으기 and 금고).
    static let pocketWords = ["세이프박스", "저금통", "모으기", "토스뱅크모으기", "토스금고", "입출금통장", "보통예금"]
    /// 예금(4711)해지, 적금만기, 정기예금해지: a stem, then a closing word.
    static let closingStems = ["예금", "적금", "정기예금", "정기적금", "자유적금", "청약", "파킹", "금고"]
    static let closing = ["해지", "만기", "만기해지", "중도해지"]
    /// Card and payment companies whose payouts (cashback, refunds) land in accounts. A person's
    /// transfer through a payment app (홍길동(카카오페이), 토스 홍길동) names the app, not a card company.
    static let cardCompanies = [
        "하나카드", "신한카드", "국민카드", "kb카드", "삼성카드", "현대카드", "롯데카드", "우리카드", "bc카드", "비씨카드",
        "농협카드", "nh카드", "씨티카드", "카카오뱅크카드", "하나sk카드", "케이뱅크카드", "ibk카드", "기업카드"
    ]

    /// Words that mark money as not dues, used unless a group turns them off
    /// (`"defaultNonDuesKeywords": false`); the group's own `nonDuesKeywords` add to them.
    public static let defaultNonDuesKeywords = [
        "뒷풀이", "뒤풀이", "회식", "찬조", "경조사", "축의금", "부의금", "조의금", "참가비", "대관",
        "예약금", "환불", "이체실수", "잘못입금", "오입금", "식대", "회수"
    ]

    /// Words that say money came back: a cancelled or returned transfer.
    static let reversalWords = ["취소", "반환", "환불", "반송"]

    /// A deposit that undoes a payment out: a cancelled or returned transfer, or a card
    /// purchase's kind arriving as money in (the shop cancelled it).
    public static func undoesAPayment(text: String, kind: String) -> Bool {
        isReversal(text: text, kind: kind) || cardPaymentKinds.contains(Normalise.letters(kind))
    }

    public static func isReversal(text: String, kind: String) -> Bool { isReversal(Words(text: text, kind: kind)) }
    static func isReversal(_ w: Words) -> Bool { reversalWords.contains { w.letters.holds($0) || w.kindLetters.holds($0) } }
}
