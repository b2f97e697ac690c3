extension Messages {
    /// Option help of the club's book commands, keyed by the English beside the option (see `byEnglish`).
    static let bookOptions: [String: String] = [
        "A new name.": "새 이름.",
        "A word to stop reading as this event.": "이 행사로 읽지 않을 말.",
        "Another word deposits for it carry (뒷풀이); may be repeated.": "이 행사 입금에 붙는 다른 말 (뒷풀이); 여러 번 쓸 수 있습니다.",
        "How settling shares the cost: even (1/N) or fee (the fee stays, the club pays the rest).":
            "정산 방식: even (1/N) 또는 fee (참가비만 받고 나머지는 회비에서).",
        "Open it again.": "다시 엽니다.",
        "The day (2026-12-20).": "날짜 (2026-12-20).",
        "The event's name (송년회).": "행사 이름 (송년회).",
        "The event's name.": "행사 이름.",
        "The real cost (default: the event's withdrawals, or its cost setting).": "실제 쓴 돈 (기본: 행사로 분류한 출금, 또는 행사의 cost 설정).",
        "The real cost, when no withdrawal shows it (cash paid on the day).": "출금 내역에 없는 실제 비용 (현장에서 현금으로 낸 돈).",
        "What each attendee pays (30000, 3만원); leave out to settle by the real cost.": "한 사람이 낼 참가비 (30000, 3만원); 실제 비용으로 정산하려면 비워 둡니다.",
        "Who paid, when the deposit's text does not say.": "입금자명에 이름이 없을 때 누가 냈는지.",
        "Who takes part: all (default), signup (whoever paid) or names separated by commas.":
            "참석자: all (기본, 모든 회원), signup (낸 사람) 또는 쉼표로 나눈 이름들.",
        "even (1/N) or fee (the fee stays, the club pays the rest); default: the event's setting.":
            "even (1/N) 또는 fee (참가비만 받고 나머지는 회비에서); 기본: 행사 설정.",
        "text or json.": "text 또는 json.",
        "Example: hoebi user role 감사 viewer": "예: hoebi user role 감사 viewer",
        "Example: hoebi export 산악회-인계.zip; on the new machine: hoebi import-bundle 산악회-인계.zip":
            "예: hoebi export 산악회-인계.zip; 새 컴퓨터에서: hoebi import-bundle 산악회-인계.zip",
        "The bundle to write (must not exist yet).": "쓸 인계 파일 (아직 없어야 합니다).",
        "Example: hoebi import-bundle 산악회-인계.zip --into 산악회": "예: hoebi import-bundle 산악회-인계.zip --into 산악회",
        "The bundle hoebi export wrote.": "hoebi export가 쓴 인계 파일.",
        "The folder to restore into (must be new or empty; default: the current folder).": "되살릴 폴더 (새 폴더나 빈 폴더; 기본: 지금 폴더).",
        "treasurer (decides) or viewer (an auditor: sees everything, decides nothing).": "treasurer (총무: 정함) 또는 viewer (감사: 모두 보고 아무것도 바꾸지 않음).",
        "Example: hoebi receipt add t90 영수증.jpg": "예: hoebi receipt add t90 영수증.jpg",
        "The withdrawal, e.g. t90.": "출금 번호, 예: t90.",
        "The photo or PDF.": "사진이나 PDF 파일.",
        "The receipt, e.g. r3.": "영수증 번호, 예: r3.",
        "Write to this file (default: the receipt's own name).": "이 파일에 씁니다 (기본: 영수증의 원래 이름).",
        "text, chat (a short message for the group chat), csv, json, html (A4 portrait print) or xlsx (sums as formulas).":
            "text, chat (단톡방에 올릴 짧은 글), csv, json, html (A4 세로로 인쇄) 또는 xlsx (합계가 수식).",
        "Write to this file (needed for xlsx).": "이 파일에 씁니다 (xlsx는 꼭 필요).",
        "Example: hoebi category list --unsorted --year 2026": "예: hoebi category list --unsorted --year 2026",
        "Only this year.": "이 해만.",
        "Only rows no line takes yet.": "아직 항목이 없는 거래만.",
        "Other rows with the same text take the same line from now on. Example: hoebi category set t90 t91 송년회, or hoebi category set t88 대관료 --dry-run":
            "같은 입금자명의 다른 거래도 앞으로 같은 항목이 됩니다. 예: hoebi category set t90 t91 송년회, 또는 hoebi category set t88 대관료 --dry-run",
        "Transaction ids, then the line (대관료, 식비, 송년회, or any name); '' takes the line off.":
            "거래 번호, 그다음 항목 (대관료, 식비, 송년회 또는 아무 이름); ''이면 항목을 뺍니다.",
        "Example: hoebi category rule 스타벅스 식비, or hoebi category rule 스타벅스 --remove": "예: hoebi category rule 스타벅스 식비, 또는 hoebi category rule 스타벅스 --remove",
        "A word in the bank's text or memo.": "은행 거래내용이나 메모에 든 말.",
        "The line it files money under.": "그 말이 든 돈의 항목.",
        "Forget the word.": "그 말을 잊습니다.",
        "An event's notice instead (who paid its fee, who has not): hoebi notice --event 송년회.":
            "회비 대신 행사 공지 (참가비를 낸 사람과 안 낸 사람): hoebi notice --event 송년회.",
        "Example: hoebi event add 송년회 --date 2026-12-20 --fee 30000 --word 뒷풀이": "예: hoebi event add 송년회 --date 2026-12-20 --fee 30000 --word 뒷풀이",
        "Example: hoebi event edit 송년회 --fee 35000 --members signup": "예: hoebi event edit 송년회 --fee 35000 --members signup",
        "Example: hoebi event pay 송년회 t40 t41, or hoebi event pay 송년회 t52 --member 김솔":
            "예: hoebi event pay 송년회 t40 t41, 또는 hoebi event pay 송년회 t52 --member 김솔",
        "Example: hoebi event settle 송년회, or hoebi event settle 송년회 --cost 450000 --way fee":
            "예: hoebi event settle 송년회, 또는 hoebi event settle 송년회 --cost 450000 --way fee"
    ]
}
