extension Messages {
    /// The words the dashboard's and members' templates show (`{{view.TEMPLATE.NAME}}` in
    /// `Sources/HoebiServer/Views`), in Korean and English: the pages render the Korean ones, and a
    /// test fails on a template naming a word that is not here (Mustache would show nothing).
    static let views: [String: (ko: String, en: String)] = [
        "view.groups.heading": ("모임", "Groups"),
        "view.head.grid": ("납부표", "Payments"),
        "view.head.notice": ("공지", "Notice"),
        "view.head.overview": ("현황", "Overview"),
        "view.head.review": ("확인 필요", "To check"),
        "view.head.runs": ("기록", "History"),
        "view.head.share": ("회원 링크", "Members' link"),
        "view.head.signOut": ("로그아웃", "Sign out"),
        "view.head.site": ("회비", "Hoebi"),
        "view.head.upload": ("거래내역 올리기", "Upload a statement"),
        "view.login.heading": ("회비 · 총무 로그인", "Hoebi · treasurer sign-in"),
        "view.login.hintAfter": ("으로 만듭니다.", "."),
        "view.login.hintBefore": ("계정은 서버에서 ", "Accounts are made on the server with "),
        "view.login.hintCommand": ("hoebi user add 이름", "hoebi user add NAME"),
        "view.login.name": ("이름", "Name"),
        "view.login.password": ("비밀번호", "Password"),
        "view.login.submit": ("로그인", "Sign in"),
        "view.member.amount": ("금액", "Amount"),
        "view.member.date": ("날짜", "Date"),
        "view.member.depositor": ("입금자명", "Depositor"),
        "view.member.heading": ("납부 내역", "payments"),
        "view.member.none": ("아직 이 회원의 회비로 정해진 입금이 없습니다.", "No deposit has been placed as this member's dues yet."),
        "view.member.number": ("번호", "No."),
        "view.member.paidFor": ("낸 기간", "Paid for"),
        "view.members.byDay": ("일까지", " of each month"),
        "view.members.heading": ("회비 현황", "dues"),
        "view.members.holder": ("예금주", "holder"),
        "view.members.monthly": ("매달", "by day"),
        "view.members.payTo": ("내는 곳", "Where to pay"),
        "view.members.won": ("원", " won"),
        "view.notice.copied": ("복사했습니다", "Copied"),
        "view.notice.copy": ("복사", "Copy"),
        "view.notice.heading": ("단톡방 공지", "Notice for the group chat"),
        "view.overview.allPaid": ("모두 냈습니다.", "Everyone has paid."),
        "view.overview.balance": ("잔액", "Balance"),
        "view.overview.collected": ("걷힌 돈", "collected"),
        "view.overview.configProblem": (
            "설정 파일을 고친 내용에 오류가 있어 이전 설정으로 계속합니다. 고친 뒤 저장하면 다시 읽습니다.",
            "The edited configuration has an error, so the previous one stays in force. Fix it and save, and it is read again."
        ),
        "view.overview.expected": ("낼 돈", "due"),
        "view.overview.items": ("건", " deposits"),
        "view.overview.lastSync": ("마지막 동기화", "Last sync"),
        "view.overview.never": ("아직 없음", "none yet"),
        "view.overview.outstanding": ("미납", "unpaid"),
        "view.overview.people": ("명", " people"),
        "view.overview.review": ("확인 필요", "To check"),
        "view.overview.syncNow": ("지금 동기화", "Sync now"),
        "view.overview.unpaid": ("안 낸 사람", "not paid"),
        "view.overview.won": ("원", " won"),
        "view.plain.back": ("돌아가기", "Back"),
        "view.preview.apply": ("이대로 적용", "Apply"),
        "view.preview.back": ("돌아가기", "Back"),
        "view.preview.cancel": ("취소", "Cancel"),
        "view.preview.changes": ("바뀌는 입금", "Changed:"),
        "view.preview.heading": ("미리 보기: 아직 아무것도 바꾸지 않았습니다", "Preview: nothing has changed yet"),
        "view.preview.items": ("건", " deposits"),
        "view.preview.won": ("원", " won"),
        "view.review.assign": ("배정 미리 보기", "Preview the assignment"),
        "view.review.heading": ("확인이 필요한 입금", "To check:"),
        "view.review.ignore": ("회비 아님 미리 보기", "Preview \"not dues\""),
        "view.review.items": ("건", " deposits"),
        "view.review.member": ("회원", "Member"),
        "view.review.none": ("확인할 입금이 없습니다.", "Nothing to check."),
        "view.review.only": ("이 입금만 (입금자명을 기억하지 않음)", "This deposit only (the depositor text is not remembered)"),
        "view.review.pickMember": ("회원을 고르세요", "Pick a member"),
        "view.review.reason": ("까닭", "Reason"),
        "view.review.reasonExample": ("예: 행사비, 환불", "e.g. event fee, refund"),
        "view.review.undo": ("마지막 결정 되돌리기 (미리 보기)", "Undo the last decision (preview)"),
        "view.review.won": ("원", " won"),
        "view.runs.heading": ("기록: 가져오기, 동기화, 결정", "History: imports, syncs, decisions"),
        "view.runs.number": ("번호", "No."),
        "view.runs.revert": ("되돌리기 (미리 보기)", "Revert (preview)"),
        "view.runs.status": ("상태", "Status"),
        "view.runs.what": ("무엇", "What"),
        "view.runs.when": ("언제", "When"),
        "view.share.copy": ("복사", "Copy"),
        "view.share.explain": (
            "이 링크를 가진 사람은 누구나 납부표를 볼 수 있습니다 (이름은 가려짐, 입금자명은 보이지 않음). 새로 만들면 이전 링크는 더 이상 열리지 않습니다.",
            "Anyone with this link can see the payments grid (names masked, depositor texts left out). A new link stops the old one from opening."
        ),
        "view.share.heading": ("회원에게 보여 줄 링크", "A link to show the members"),
        "view.share.make": ("링크 만들기", "Make a link"),
        "view.share.none": ("아직 링크가 없습니다.", "No link yet."),
        "view.share.replace": ("새 링크로 바꾸기", "Replace with a new link"),
        "view.upload.file": ("파일 (xlsx, xls, csv)", "File (xlsx, xls, csv)"),
        "view.upload.heading": ("거래내역 올리기", "Upload a statement"),
        "view.upload.password": ("비밀번호 (카카오뱅크·토스 파일)", "Password (KakaoBank and Toss files)"),
        "view.upload.submit": ("올리기", "Upload")
    ]

    /// The entries whose key starts with `prefix`, without it, in one language (the templates'
    /// words, `view.`).
    public static func section(_ prefix: String, in lang: Language) -> [String: String] {
        var out: [String: String] = [:]
        for (key, words) in catalogue where key.hasPrefix(prefix) { out[String(key.dropFirst(prefix.count))] = lang.pick(words) }
        return out
    }
}
