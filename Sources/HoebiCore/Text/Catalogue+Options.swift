extension Messages {
    /// Option help and short command notes, keyed by their English text as it stands beside the
    /// option in the code (so the code still reads in one language); `Messages.tr` gives the
    /// Korean. A missing entry shows in English, and `HOEBI_CHECK_MESSAGES=1` reports it (the help
    /// test runs every command with it).
    static let byEnglish: [String: String] = [
        "text, chat (a short message for the group chat), csv or json.":
            "text, chat (단톡방에 올릴 짧은 글), csv 또는 json.",
        "Example: hoebi closing --year 2026, or --from 2026-03 --to 2027-02":
            "예: hoebi closing --year 2026, 또는 --from 2026-03 --to 2027-02",
        "The year (default: the last full year).":
            "연도 (기본: 지난 한 해).",
        "First month (instead of --year; alone: the twelve months from it).":
            "첫 달 (--year 대신; 이것만 주면 그달부터 열두 달).",
        "Last month (instead of --year; alone: the twelve months up to it).":
            "마지막 달 (--year 대신; 이것만 주면 그달까지 열두 달).",
        "Transaction ids (t77, or several: t40 t64), then the member's id or name.":
            "거래 번호 (t77, 여러 개면 t40 t64), 그다음 회원 아이디나 이름.",
        "The text is remembered as not dues unless it names a member (their dues must never be swallowed) or --only is given. Several deposits are one change: `hoebi undo` takes them back together. Example: hoebi ignore t40 t64 t85 --reason 회식비, or hoebi ignore --matching 회식 --reason 회식비 --dry-run":
            "입금자명이 회원 이름을 담지 않았다면 (그 회원의 회비를 삼키면 안 되므로) 그 입금자명은 앞으로도 회비 아님으로 기억합니다; --only면 이 입금만. 여러 입금은 하나의 결정이라 `hoebi undo`가 함께 되돌립니다. 예: hoebi ignore t40 t64 t85 --reason 회식비, 또는 hoebi ignore --matching 회식 --reason 회식비 --dry-run",
        "Transaction ids, e.g. t40 t64 t85.":
            "거래 번호, 예: t40 t64 t85.",
        "Every deposit now in review whose text or memo contains these words.":
            "지금 확인이 필요한 입금 중 입금자명이나 메모에 이 말이 든 모든 입금.",
        "A statement of the account: the bank, the account number and when deposits begin are read from it.":
            "이 계좌의 거래내역 파일: 은행, 계좌번호, 입금이 시작된 때를 여기서 읽습니다.",
        "Show what the import would add and decide, writing nothing (tried on a copy of the ledger).":
            "가져오면 무엇이 더해지고 어떻게 정해지는지 보여 주고, 아무것도 쓰지 않습니다 (장부의 복사본에서 해 봄).",
        "Example: hoebi group edit --start 2026-06 --holder 박지민 --treasurer 박지민":
            "예: hoebi group edit --start 2026-06 --holder 박지민 --treasurer 박지민",
        "Example: hoebi dues set 25000 --from 2027-01":
            "예: hoebi dues set 25000 --from 2027-01",
        "Example: hoebi member exempt 김솔 2026-05 2026-06":
            "예: hoebi member exempt 김솔 2026-05 2026-06",
        "Example: hoebi member pause 김솔 --from 2026-05 --to 2026-08":
            "예: hoebi member pause 김솔 --from 2026-05 --to 2026-08",
        "Example: hoebi household add 김솔 김하늘 --amount 25000":
            "예: hoebi household add 김솔 김하늘 --amount 25000",
        "New group name.":
            "새 모임 이름.",
        "The account holder's name (예금주); '' removes it.":
            "예금주 이름; ''이면 지웁니다.",
        "The treasurer (총무): a member's name or id; '' removes it.":
            "총무: 회원 이름이나 아이디; ''이면 지웁니다.",
        "Day of the month dues are due (1–31).":
            "회비를 내는 날 (1–31일).",
        "First period owed by everyone (when dues started), e.g. 2026-06.":
            "모두가 처음 내는 기간 (회비를 걷기 시작한 때), 예: 2026-06.",
        "Months ahead money naming no period may pay before you are asked (0–120).":
            "기간을 적지 않은 돈을 묻지 않고 미리 배정할 개월 수 (0–120).",
        "A word that marks a deposit as not dues (뒷풀이); repeat for more.":
            "입금이 회비가 아님을 뜻하는 말 (뒷풀이); 여러 개면 되풀이.",
        "Remove a non-dues word; repeat for more.":
            "회비 아닌 말을 지웁니다; 여러 개면 되풀이.",
        "A one-off payment with its own amount, as 이름:금액 (가입비:50000).":
            "금액이 정해진 한 번 내는 돈, 이름:금액으로 (가입비:50000).",
        "Remove a one-off payment by its name.":
            "정해진 금액을 이름으로 지웁니다.",
        "First period at this amount, e.g. 2027-01.":
            "이 금액을 처음 내는 기간, 예: 2027-01.",
        "The period the rate change to remove starts at.":
            "지울 회비 변경이 시작하는 기간.",
        "Two or more members, by name or id.":
            "둘 이상의 회원, 이름이나 아이디로.",
        "Household id (default: h1, h2, …).":
            "가구 아이디 (기본: h1, h2, …).",
        "What they pay together per period (default: the schedule's).":
            "한 기간에 함께 내는 금액 (기본: 회비 일정대로).",
        "Household id, or one of its members.":
            "가구 아이디, 또는 그 가구의 회원.",
        "Periods they owe nothing for (2026-05, 2026-Q2, 2026).":
            "회비를 내지 않는 기간 (2026-05, 2026-Q2, 2026).",
        "Take these exemptions back.":
            "이 면제를 거둡니다.",
        "First month of the leave (휴회).":
            "휴회 첫 달.",
        "Last month of the leave (default: until further notice).":
            "휴회 마지막 달 (기본: 다시 정할 때까지).",
        "Take back the leave starting at --from.":
            "--from에 시작하는 휴회를 지웁니다.",
        "Last period as a member; '' says they did not leave.":
            "회원인 마지막 기간; ''이면 탈퇴하지 않은 것으로.",
        "Address to listen on (127.0.0.1: only this machine; put a TLS proxy in front for others).":
            "들을 주소 (127.0.0.1: 이 컴퓨터만; 다른 곳에서 쓰려면 앞에 TLS 프록시).",
        "Port (0 = any free port; the chosen one is printed).":
            "포트 (0 = 빈 포트 아무거나; 고른 포트를 출력).",
        "Log lines as text or json (one JSON object per line, for journald or a log shipper).":
            "로그 형식: text 또는 json (한 줄에 JSON 객체 하나, journald나 로그 수집기용).",
        "The treasurer's sign-in name.":
            "총무의 로그인 이름.",
        "The treasurer the token acts as.":
            "토큰이 대신할 총무.",
        "What the token is for (shown in `hoebi token list`).":
            "토큰을 어디에 쓰는지 (`hoebi token list`에 보임).",
        "Token number from `hoebi token list`.":
            "`hoebi token list`의 토큰 번호.",
        "The ledger to copy: a SQLite file or a postgres:// URL.":
            "옮길 장부: SQLite 파일이나 postgres:// 주소.",
        "Where to copy it: a new SQLite file or an empty PostgreSQL database's URL.":
            "옮길 곳: 새 SQLite 파일이나 빈 PostgreSQL 데이터베이스 주소.",
        "Environment variable holding the PostgreSQL password.":
            "PostgreSQL 비밀번호가 든 환경 변수.",
        "File whose first line is the PostgreSQL password.":
            "첫 줄이 PostgreSQL 비밀번호인 파일.",
        "The copy to write (must not exist yet).":
            "만들 복사본 (아직 없어야 함).",
        "File whose first line is the password.":
            "첫 줄이 비밀번호인 파일.",
        "Environment variable holding the password.":
            "비밀번호가 든 환경 변수.",
        "Rows in the generated statement.":
            "만들 거래내역의 줄 수.",
        "Members in the generated group.":
            "만들 모임의 회원 수.",
        "Rows in the generated .xlsx statement (streaming reader stage).":
            "만들 .xlsx 거래내역의 줄 수 (스트리밍 읽기 단계).",
        "Members of the sandbox club for the sync stage (about 44 rows each).":
            "동기화 단계의 샌드박스 모임 회원 수 (한 명에 약 44줄).",
        "Working folder (deleted and recreated).":
            "작업 폴더 (지우고 새로 만듦).",
        "Statement file (.xlsx or .csv).":
            "거래내역 파일 (.xlsx, .xls, .csv).",
        "Force a layout instead of detecting it:": "형식을 알아내지 않고 정함 (모두 hoebi formats에):",
        "File whose first line is the statement's password.":
            "첫 줄이 거래내역 비밀번호인 파일.",
        "Environment variable holding the statement's password.":
            "거래내역 비밀번호가 든 환경 변수.",
        "Import even when the file states another account than the group's (recorded in the audit trail).":
            "파일의 계좌가 모임 계좌와 달라도 가져옴 (기록에 남음).",
        "Print the result as JSON.":
            "결과를 JSON으로 출력.",
        "table or json.":
            "table 또는 json.",
        "Transaction id, e.g. t77.":
            "거래 번호, 예: t77.",
        "Member id, or the member's name when no one else has it.":
            "회원 아이디, 또는 겹치지 않는 회원 이름.",
        "Comma-separated periods this money pays (2026-03, 2026-Q1, 2026); default: the usual rules.":
            "이 돈으로 낼 기간, 쉼표로 구분 (2026-03, 2026-Q1, 2026); 없으면 보통 규칙대로.",
        "Comma-separated members it pays for (ids or names); default: every member who still owes.":
            "이 돈으로 회비를 내는 회원, 쉼표로 구분 (아이디나 이름); 없으면 아직 낼 돈이 남은 모든 회원.",
        "What money left over is (other income, e.g. 찬조); without it the amounts must add up.":
            "남는 돈의 이름 (다른 수입, 예: 찬조); 없으면 합이 꼭 맞아야 함.",
        "Every deposit with this text is such a payment, for its own month (a payroll forward).":
            "이 입금자명의 입금은 앞으로 매번 그달의 일괄 납부 (총무가 보내는 급여 공제분).",
        "A dues part: MEMBER:AMOUNT or MEMBER:AMOUNT:PERIODS (kim:20000:2026-08); repeat for more.":
            "회비 부분: 회원:금액 또는 회원:금액:기간 (kim:20000:2026-08); 여러 번 줄 수 있음.",
        "Another part: LABEL:AMOUNT (뒷풀이:15000); repeat for more.":
            "다른 돈 부분: 이름:금액 (뒷풀이:15000); 여러 번 줄 수 있음.",
        "Decide this deposit only; do not remember its text.":
            "이 입금만 정함; 입금자명을 기억하지 않음.",
        "Show what would change, change nothing.":
            "바뀔 것만 보여 주고 아무것도 바꾸지 않음.",
        "Who decided (recorded in the audit trail).":
            "누가 정했는지 (기록에 남음).",
        "Transaction id, e.g. t80.":
            "거래 번호, 예: t80.",
        "Why it is not dues (shown in the report).":
            "회비가 아닌 까닭 (보고서에 보임).",
        "Transaction id.":
            "거래 번호.",
        "First period: 2026-03, 2026-Q1, 2026-H1 or 2026 (default: a year or so before --to, not before the schedule's start).":
            "첫 기간: 2026-03, 2026-Q1, 2026-H1, 2026 (없으면 --to의 약 1년 전, 회비 시작보다 앞서지 않음).",
        "Last period, as --from (default: the current period).":
            "마지막 기간, --from과 같은 꼴 (없으면 이번 기간).",
        "Write to this file instead of the terminal (xlsx: default 회비현황-GROUP.xlsx).":
            "터미널 대신 이 파일에 씀 (xlsx는 기본 회비현황-GROUP.xlsx).",
        "Every period, however wide (the table otherwise fits the terminal: $COLUMNS or its width).":
            "폭에 상관없이 모든 기간 (아니면 표를 터미널 폭에 맞춤: $COLUMNS나 실제 폭).",
        "HTML: mask members' names and leave out deposit texts, for sharing beyond the treasurer.":
            "HTML: 회원 이름을 가리고 입금자명을 뺌, 총무 밖으로 나눌 때.",
        "CSV layout: grid (members × periods, Korean, opens in Excel) or long (a line per member and period, for scripts).":
            "CSV 모양: grid (회원 × 기간, 한글, 엑셀에서 열림) 또는 long (회원·기간마다 한 줄, 스크립트용).",
        "Period: 2026-03, 2026-Q1, 2026-H1 or 2026 in the group's cycle (default: the latest already due).":
            "기간: 모임 주기에 맞춰 2026-03, 2026-Q1, 2026-H1, 2026 (없으면 납부일이 지난 가장 최근 기간).",
        "Mustache template file.":
            "Mustache 템플릿 파일.",
        "auto, full or compact (auto: compact above 20 names).":
            "auto, full, compact (auto: 20명 넘으면 compact).",
        "Mask members' names (홍*동).":
            "회원 이름 가리기 (홍*동).",
        "Mask the account number too (3333-**-***4567).":
            "계좌번호도 가리기 (3333-**-***4567).",
        "List only who has not paid.":
            "안 낸 사람만.",
        "Member id or name.":
            "회원 아이디나 이름.",
        "Up to which period (default: the latest already due).":
            "어느 기간까지 (없으면 납부일이 지난 가장 최근 기간).",
        "Mask the account number.":
            "계좌번호 가리기.",
        "kftc":
            "kftc (금융결제원 오픈뱅킹).",
        "Loopback port for the callback.":
            "콜백을 받을 루프백 포트.",
        "Open the consent URL from here (for the sandbox, which consents at once).":
            "동의 URL을 여기서 엶 (바로 동의하는 샌드박스용).",
        "Folder for the sample config, secrets and database.":
            "예시 설정, 비밀값, 장부를 둘 폴더.",
        "Sandbox API to sync through: codef, kftc, woori or koscom.":
            "동기화에 쓸 샌드박스 API: codef, kftc, woori, koscom.",
        "Import a generated KakaoBank .xlsx statement instead of syncing.":
            "동기화 대신 만들어 낸 카카오뱅크 .xlsx 거래내역을 가져옴.",
        "First seed.":
            "첫 시드.",
        "How many histories (seeds seed, seed+1, …).":
            "기록 수 (시드 seed, seed+1, …).",
        "Members per history.":
            "기록마다 회원 수.",
        "Months per history.":
            "기록마다 개월 수.",
        "Print JSON.":
            "JSON으로 출력.",
        "First day, YYYY-MM-DD.":
            "첫날, YYYY-MM-DD.",
        "Last day, YYYY-MM-DD (included).":
            "마지막 날, YYYY-MM-DD (포함).",
        "Part of the depositor text or memo.":
            "입금자명이나 메모의 일부.",
        "Exact amount in won.":
            "정확한 금액 (원).",
        "Only deposits that paid this member (id or name).":
            "이 회원의 회비로 정해진 입금만 (아이디나 이름).",
        "At most this many rows.":
            "최대 줄 수.",
        "Configuration file (default: $HOEBI_CONFIG or ./hoebi.json).":
            "설정 파일 (없으면 $HOEBI_CONFIG나 ./hoebi.json).",
        "Group id from the configuration (optional when there is only one).":
            "설정의 모임 아이디 (모임이 하나면 생략).",
        "Configuration file to write (default: $HOEBI_CONFIG or ./hoebi.json).":
            "만들 설정 파일 (없으면 $HOEBI_CONFIG나 ./hoebi.json).",
        "Group id (letters, digits, - or _).":
            "모임 아이디 (영문, 숫자, -, _).",
        "Group name (모임 이름).":
            "모임 이름.",
        "Bank: kakaobank, toss, kb, shinhan, nh, hana, woori, ibk, … ":
            "은행: kakaobank, toss, kb, shinhan, nh, hana, woori, ibk, …",
        "Account number of the group account.":
            "모임통장 계좌번호.",
        "The account holder's name (예금주), as the bank shows it.":
            "예금주 이름 (은행이 보여 주는 대로).",
        "The treasurer (총무): one of the members' names.":
            "총무: 회원 이름 중 하나.",
        "Dues per period in won (20000, 20,000 or 2만원).":
            "기간마다 내는 회비 (20000, 20,000, 2만원 모두 됨).",
        "monthly, quarterly, half-yearly or yearly.":
            "monthly(월), quarterly(분기), half-yearly(반기), yearly(연).",
        "Day of the month dues are due (asked; default 10).":
            "매달 회비를 내는 날 (물어봄; 없으면 10일).",
        "First period owed, e.g. 2026-03 (asked; default: this period).":
            "회비를 처음 낸 기간, 예: 2026-03 (물어봄; 없으면 이번 기간).",
        "A member's name; repeat for each.":
            "회원 이름; 한 명마다 한 번씩.",
        "Group id (optional when there is only one).":
            "모임 아이디 (모임이 하나면 생략).",
        "The member's name as the bank shows it.":
            "은행에 보이는 회원 이름.",
        "Member id (default: m1, m2, …).":
            "회원 아이디 (없으면 m1, m2, …).",
        "First period owed: 2026-03, or the day they joined, 2026-03-17.":
            "처음 낼 기간: 2026-03, 또는 가입한 날 2026-03-17.",
        "Their own dues per period (default: the schedule's).":
            "이 회원만의 회비 (없으면 모임 회비).",
        "Their own cycle: monthly, quarterly, half-yearly or yearly.":
            "이 회원만의 주기: monthly, quarterly, half-yearly, yearly.",
        "Another depositor name that means them (a parent's); repeat for more.":
            "이 회원을 뜻하는 다른 입금자명 (부모 이름 등); 여럿이면 되풀이.",
        "How people see them when names collide (\"큰 지우\").":
            "이름이 겹칠 때 보일 이름 (\"큰 지우\").",
        "New name.":
            "새 이름.",
        "Their own dues per period; 0 removes it (back to the schedule).":
            "이 회원만의 회비; 0이면 지움 (모임 회비로).",
        "Their own cycle; 'group' removes it.":
            "이 회원만의 주기; 'group'이면 지움.",
        "First period owed (2026-03 or 2026-03-17).":
            "처음 낼 기간 (2026-03 또는 2026-03-17).",
        "Display name; '' removes it.":
            "보일 이름; ''이면 지움.",
        "Add a depositor name that means them; repeat for more.":
            "이 회원을 뜻하는 입금자명 더하기; 여럿이면 되풀이.",
        "Last month (or period) as a member (default: this month).":
            "회원으로서 마지막 달(기간) (없으면 이번 달).",
        "woori, codef, kftc or koscom.":
            "woori, codef, kftc, koscom 가운데 하나.",
        "CODEF organisation code (0004 KB, 0003 IBK, …): which description holds the depositor.":
            "CODEF 기관 코드 (0004 KB, 0003 IBK, …): 입금자가 어느 적요에 있는지 정함.",
        "Response body file (JSON; CODEF's URL-encoded bodies are decoded).":
            "응답 본문 파일 (JSON; CODEF의 URL 인코딩 본문도 풂).",
        "Transaction id, e.g. t42.":
            "거래 번호, 예: t42.",
        "Remove the learned rule for this depositor text.":
            "이 입금자명에 대해 배운 규칙 지우기.",
        "How many to list.":
            "몇 개 보일지.",
        "Run id from `hoebi runs`, e.g. r12.":
            "`hoebi runs`의 실행 번호, 예: r12.",
        "Port on 127.0.0.1 (0 = any free port).":
            "127.0.0.1의 포트 (0 = 빈 포트 아무거나).",
        "History seed.":
            "기록 시드.",
        "Fault to inject (repeatable).":
            "일으킬 장애 (되풀이 가능).",
        "Fetch from this day (YYYY-MM-DD) instead of the last synced day.":
            "마지막 동기화 날 대신 이 날(YYYY-MM-DD)부터 받기.",
        "Print the result as JSON lines.":
            "결과를 한 줄에 JSON 하나로 출력.",
        "Woori getIndivAllAccInfo, CODEF account-list (after creating the connectedId), KFTC account/list (after hoebi connect kftc).":
            "우리은행 getIndivAllAccInfo, CODEF account-list (connectedId를 만든 뒤), 금융결제원 account/list (hoebi connect kftc 뒤).",
        "Not a test. Needs the sqlite3 command-line tool for the baseline. Build with -c release for real figures.":
            "테스트가 아닙니다. 기준선에 sqlite3 명령이 필요합니다. 실제 수치는 -c release로 빌드해서.",
        "Deterministic: the same ledger, configuration and decisions always give the same result. Treasurer decisions are kept.":
            "결정적입니다: 같은 장부, 설정, 결정이면 언제나 같은 결과. 총무의 결정은 그대로 남습니다.",
        "Decide each with `hoebi assign TXN MEMBER` or `hoebi ignore TXN --reason …`.":
            "하나씩 `hoebi assign 거래 회원`이나 `hoebi ignore 거래 --reason …`으로 정하세요.",
        "The text is remembered as not dues unless it names a member (their dues must never be swallowed) or --only is given.":
            "입금자명은 회비 아님으로 기억합니다. 다만 회원 이름이 들어 있거나 (그 회원의 회비를 삼키면 안 되니) --only를 주면 기억하지 않습니다.",
        "Example: hoebi remind 홍길동   (a name works when no one else has it)":
            "예: hoebi remind 홍길동   (겹치지 않는 이름이면 이름으로도 됩니다)",
        "Example: hoebi history 홍길동   (a name works when no one else has it; --format json for scripts)":
            "예: hoebi history 홍길동   (겹치지 않는 이름이면 이름으로도 됩니다; 스크립트에는 --format json)",
        "Example: hoebi transactions --from 2026-03-01 --to 2026-03-31 --text 홍길동   (--format json for scripts)":
            "예: hoebi transactions --from 2026-03-01 --to 2026-03-31 --text 홍길동   (스크립트에는 --format json)",
        "Example: hoebi member add 김하늘 --joined 2026-03-17":
            "예: hoebi member add 김하늘 --joined 2026-03-17",
        "Their history stays; money they send later is kept as credit and shown in the report.":
            "납부 내역은 남습니다; 나중에 보내는 돈은 미리 낸 돈으로 남고 보고서에 보입니다.",
        "Rules: a member id (assign), 'not dues' (ignore), 'by hand' (unassign). Removing one re-matches the group.":
            "규칙: 회원 아이디 (assign), '회비 아님' (ignore), '직접 확인' (unassign). 지우면 모임을 다시 매칭합니다.",
        "Take one back with `hoebi revert r12` (an import or sync) or `hoebi undo` (the last decision).":
            "`hoebi revert r12`(가져오기·동기화)나 `hoebi undo`(마지막 결정)로 되돌립니다.",
        "Run it again to take back the one before. `hoebi runs` lists decisions (d…).":
            "다시 실행하면 그 앞의 결정을 되돌립니다. 결정(d…)은 `hoebi runs`에 있습니다.",
        "The run stays in `hoebi runs`, marked reverted with who and when. Example: hoebi revert r12":
            "그 실행은 `hoebi runs`에 누가 언제 되돌렸는지와 함께 남습니다. 예: hoebi revert r12",
        // Groups kept in the ledger, and who sees which (issue 25).
        "Only this group (repeat for more; default: every group).": "이 모임만 (여럿이면 되풀이; 없으면 모든 모임).",
        "Read the groups from this file instead of the configuration file.": "설정 파일 대신 이 파일에서 모임을 읽습니다.",
        "Then take the imported groups out of the configuration file (the old file kept as .bak).":
            "넣은 다음 그 모임들을 설정 파일에서 지웁니다 (전 파일은 .bak으로 남김).",
        "Write to this file instead of the standard output.": "화면 대신 이 파일에 씁니다.",
        "The group whose stored configuration to remove (its ledger stays).": "저장소의 설정을 지울 모임 (장부는 그대로).",
        "A group they may see (repeat for more; default: every group).": "볼 수 있는 모임 (여럿이면 되풀이; 없으면 모든 모임).",
        "The groups they may see from now on.": "이제부터 볼 수 있는 모임들.",
        "Every group, now and later (the operator's).": "지금과 앞으로의 모든 모임 (운영자).",
        "Print every figure as one JSON object (progress goes to the standard error).": "모든 수치를 JSON 객체 하나로 출력합니다 (진행 상황은 표준 오류로).",
        "Example: hoebi user groups 김총무 hiking choir  ·  hoebi user groups 운영자 --all":
            "예: hoebi user groups 김총무 hiking choir  ·  hoebi user groups 운영자 --all"
    ]
}
