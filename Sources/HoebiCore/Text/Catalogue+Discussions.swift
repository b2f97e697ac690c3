extension Messages {
    /// The longer help below a command's options (`hoebi CMD --help`).
    static let discussions: [String: (ko: String, en: String)] = [
        "help.import.formats": ("형식 (머리글 줄의 이름으로 알아냄; --format으로 정할 수 있음):", "Formats (recognised from the header row's labels; --format to force one):"),
        "help.import.discussion": (
            #"""
            파일 이름이 아니라 내용으로 알아봅니다: .xlsx, 예전 .xls, HTML 표, CSV나 탭으로 나눈 텍스트
            (UTF-8, UTF-16, CP949). 모임 계좌가 아닌 계좌의 거래내역은 거절합니다 (--other-account면 가져옴).
            비밀번호가 걸린 파일은 메모리에서만 풀고, 푼 내용을 디스크에 쓰지 않습니다. 이미 있는 거래는
            건너뛰므로 같은 거래내역이나 겹치는 거래내역을 다시 가져와도 더해지는 것이 없습니다. 잘못된
            줄이 있으면 그 행과 열을 알려 주고 멈추며, 그 파일에서는 아무것도 저장하지 않습니다.
            """#,
            #"""
            Files are known by their content, not their name: .xlsx, old .xls, HTML tables, CSV or
            tab-separated text (UTF-8, UTF-16 or CP949). A file that states another account than the
            group's is refused (--other-account imports it anyway).
            Password-protected files are decrypted in memory; nothing decrypted is written to disk.
            Rows already stored are skipped, so importing the same or an overlapping statement again
            adds nothing. A bad row stops the import with its row and column, and nothing from that
            file is stored.
            """#
        ),
        "help.collect.discussion": (
            #"""
            회원마다 그 기간에 아직 낼 돈을 채웁니다. 합이 입금과 다르면 확인 필요로 남습니다;
            남는 돈이 다른 수입이면 --rest로 이름을 주세요. --every-month를 주면 같은 입금자명은
            앞으로 매달 같은 회원들의 일괄 납부로 정합니다 (총무가 매달 보내는 급여 공제분).
            예: hoebi collect t88 --members 김서연,이민호 --periods 2026-05
                hoebi collect t90 --members kim,lee,park --every-month
            """#,
            #"""
            Each member's period is filled with what they still owe. When the sum differs from the
            deposit it stays in review; name money left over with --rest (other income).
            --every-month makes every deposit with this text a collective payment of the same members
            for its own month (the treasurer's monthly payroll forward).
            Example: hoebi collect t88 --members 김서연,이민호 --periods 2026-05
                     hoebi collect t90 --members kim,lee,park --every-month
            """#
        ),
        "help.split.discussion": (
            #"""
            부분의 합이 입금과 같아야 합니다. 나눈 결정은 이 입금만 정합니다 (입금자명을 배우지 않음).
            예: hoebi split t77 --dues 김서연:20000:2026-08 --other 뒷풀이:15000
            """#,
            #"""
            The parts must add up to the deposit. A split decides this deposit alone (no text is learned).
            Example: hoebi split t77 --dues 김서연:20000:2026-08 --other 뒷풀이:15000
            """#
        ),
        "help.assign.discussion": (
            #"""
            입금자명은 다음을 위해 기억합니다. 다만 여러 회원에 맞거나 (같은 이름), 다른 회원의 이름으로
            읽히거나, --only를 주면 이 입금만 정합니다. 따로 결정한 입금은 기억한 입금자명 때문에 옮겨지지
            않습니다.
            예: hoebi assign t77 hong --periods 2026-03,2026-04   (회원 이름도 됩니다: 홍길동)
            """#,
            #"""
            The depositor text is remembered for next time, unless it fits several members (same
            name), reads as another member's name, or --only is given: then only this deposit is
            decided. Deposits with their own decision are never moved by a remembered text.
            Example: hoebi assign t77 hong --periods 2026-03,2026-04   (or the member's name: 홍길동)
            """#
        ),
        "help.report.discussion": (
            #"""
            상태: 완납 (그 기간을 다 냄), 일부 30,000 (낸 돈), 미납, 면제, 휴회, - (그때 회원 아님).
            열은 모임의 기간 (dues.cycle): 월 2026-03, 분기 2026-Q1, 반기 2026-H1, 연 2026.
            따로 주기를 정한 회원 (예: 연납)은 (연납)으로 표시합니다; 그 돈은 그 기간이 시작하는 열
            (보는 기간보다 먼저 시작하면 첫 열)에 한 번만 더하고, 상태는 그 기간이 덮는 모든 열에 보입니다.
            터미널에서는 폭에 맞는 최근 기간만 보이고 빠진 기간을 알려 줍니다 (--wide면 모두).
            --format csv는 엑셀에서 바로 열리는 한글 표 (UTF-8 BOM), xlsx는 색칠한 통합 문서,
            html은 휴대폰에서도 읽히는 공유용 페이지 (--mask면 이름을 가림).
            """#,
            #"""
            Statuses: 완납 paid in full, 일부 30,000 partial (what was paid), 미납 unpaid, 면제 exempt,
            휴회 on leave, - not a member then.
            Columns are the group's periods (dues.cycle): months 2026-03, quarters 2026-Q1, halves
            2026-H1 or years 2026. A member with their own cycle (e.g. yearly) is marked (연납); their
            money counts once, in the column where their period begins (the first column when it began
            earlier), and their status shows in every column it covers.
            In a terminal the most recent periods that fit are shown and the rest named (--wide for all).
            --format csv is a Korean grid Excel opens as it is (UTF-8 with BOM), xlsx a coloured
            workbook, html a page to share that reads on a phone (--mask hides names).
            """#
        ),
        "help.notice.discussion": (
            #"""
            --mask는 단톡방 밖으로 나눌 때 회원 이름을 가립니다 (홍*동); 입금 계좌, 예금주, 총무는 그대로
            보입니다 (--mask-account면 계좌번호도 가림). 큰 모임은 짧은 모양 (이름을 한 줄에)이 됩니다
            (--layout full이면 아님). --template FILE은 직접 만든 Mustache 템플릿을 씁니다
            ({{% CONTENT_TYPE: TEXT}}로 시작); 잘못 쓴 변수는 빈칸이 아니라 그 줄을 알려 주는 오류입니다.
            """#,
            #"""
            --mask hides members' names (홍*동) for sharing outside the group; the account to pay into,
            its holder and the treasurer stay readable (--mask-account masks the number too).
            Large groups get a compact layout (names on one line) unless --layout full.
            --template FILE uses your own Mustache template (start it with {{% CONTENT_TYPE: TEXT}});
            a misspelt variable is an error with its line, never a blank.
            """#
        ),
        "help.connect.discussion": (
            #"""
            동의 URL을 보여 주고 루프백 포트에서 은행의 리다이렉트를 기다린 뒤, 코드를 토큰으로 바꿔
            장부에 보관합니다 (sync가 갱신). 금융결제원 앱의 Callback URL에
            http://127.0.0.1:PORT/callback을 등록하세요.
            """#,
            #"""
            Prints the consent URL and waits for the bank's redirect on a loopback port, then
            exchanges the code for tokens and keeps them in the database (refreshed by sync).
            Register http://127.0.0.1:PORT/callback as the Callback URL of your KFTC app.
            """#
        ),
        "help.demo.discussion": (
            #"""
            은행 샌드박스를 빈 루프백 포트에 띄우고, 그 모임의 설정을 쓰고 (비밀값은 옆 파일에), CODEF를
            거쳐 HTTP로 계좌를 동기화한 뒤 보고서와 공지를 보여 줍니다. 모두 --dir (기본 ./demo)에 들어가며,
            그 폴더는 새 폴더, 빈 폴더, 또는 앞선 demo가 만든 폴더여야 합니다 (다른 파일이 있으면 거절하므로
            진짜 hoebi.json이나 장부는 건드리지 않음). 다시 실행하면 다시 동기화해도 더해지는 것이 없음을 볼
            수 있습니다. --from-statement는 동기화 대신 만들어 낸 카카오뱅크 거래내역을 가져옵니다.
            """#,
            #"""
            Starts the bank sandbox on a free loopback port, writes a configuration for its club
            (secrets in files beside it), syncs the account over HTTP through CODEF, and prints
            the report and the notice. Everything goes into --dir (default ./demo), which must be
            new, empty or made by an earlier demo (a folder with other files is refused, so a real
            hoebi.json or ledger is never touched); run it again to see that a re-sync adds nothing.
            --from-statement imports a generated KakaoBank statement file instead.
            """#
        ),
        "help.evaluate.discussion": (
            #"""
            정밀도: 자동 배정 가운데 맞은 것 (회원과 말한 기간).
            자동 비율: 사람이 입금자명만 보고 정할 수 있는 입금 가운데 Hoebi가 스스로 정한 것.
            상태 일치: 회원 × 월 상태가 실제 낸 것과 같은 비율 (확인 전).
            """#,
            #"""
            Precision: automatic assignments that are right (member and named months).
            Automatic share: deposits a person could assign from the text alone that Hoebi assigns itself.
            Status agreement: member × month statuses equal to what was really paid (before any review).
            """#
        ),
        "help.init.discussion": (
            #"""
            터미널에서는 빠진 것을 물어보고, 아니면 모두 옵션으로 주세요:
              hoebi init --name "북한산 산악회" --bank kakaobank --account 3333-01-1234567 --amount 30000 \
                         --member 홍길동 --member 김솔
            있는 파일은 덮어쓰지 않습니다. 회원은 나중에 `hoebi member`로 고칩니다.
            """#,
            #"""
            In a terminal it asks for what is missing; otherwise give everything as options:
              hoebi init --name "북한산 산악회" --bank kakaobank --account 3333-01-1234567 --amount 30000 \
                         --member 홍길동 --member 김솔
            An existing file is never overwritten. Edit members later with `hoebi member`.
            """#
        ),
        "help.parse.discussion": (
            #"""
            동기화 전에 실제 응답을 Hoebi가 어떻게 읽는지 확인할 때. 예금 계좌의 원화 거래가 아닌 줄
            (외화, 대출, 펀드, 증권 매매)은 까닭과 함께 stderr에 보입니다. 아무것도 저장하지 않습니다.
              hoebi parse --source codef --organization 0004 response.json
            """#,
            #"""
            For checking what Hoebi makes of a real response before syncing. Rows that are not won
            movements of a deposit account (foreign currency, loan or fund rows, securities trades)
            are listed on stderr with the reason. Nothing is stored.
              hoebi parse --source codef --organization 0004 response.json
            """#
        ),
        "help.sandbox.discussion": (
            #"""
            정해진 기록 (회원 40명 모임, 2024-01…2026-10)을 네 API 모두로, 인증, 봉투, 인코딩, 페이지,
            오류 코드까지 갖춰 내어 줍니다. 장애:
              --fault 5xx:3            다음 데이터 요청 3번은 503
              --fault slow:3000        다음 데이터 요청은 3초 기다림
              --fault expired          다음 데이터 요청의 토큰이 만료됨
              --fault ratelimit:2      다음 데이터 요청 2번은 요청 한도 초과
              --fault malformed        다음 데이터 요청은 깨진 본문
              --fault endless          페이지가 끝나지 않음 (KFTC, Koscom)
              --fault repeat:3+2       앞 페이지를 새 커서로 다시 (KFTC, Koscom)
              --fault 5xx:100+4        4번은 통과, 그 뒤 100번 실패 (중간에 죽는 동기화)
            …@경로는 그 경로에만 장애를 겁니다. 실행 중에는 POST /_sandbox/faults {"kind": "5xx", "count": 2}
            나 요청마다 X-Sandbox-Fault로도 걸 수 있습니다.
            """#,
            #"""
            Serves a deterministic generated history (a 40-member club, 2024-01…2026-10) through all
            four APIs, with their auth, envelopes, encodings, paging and error codes. Faults:
              --fault 5xx:3            the next 3 data calls answer 503
              --fault slow:3000        the next data call waits 3 s
              --fault expired          the next data call finds its token expired
              --fault ratelimit:2      the next 2 data calls are rate-limited
              --fault malformed        the next data call gets a broken body
              --fault endless          the pager never ends (KFTC, Koscom)
              --fault repeat:3+2       the previous page again under a new cursor (KFTC, Koscom)
              --fault 5xx:100+4        let 4 calls through, then fail 100 (a sync dying midway)
            …@path limits a fault to paths containing it. The same can be armed at run time with
            POST /_sandbox/faults {"kind": "5xx", "count": 2}, or per request with X-Sandbox-Fault.
            """#
        ),
        "help.sync.discussion": (
            #"""
            마지막으로 다 받은 날에서 모임의 overlapDays (기본 3)를 뺀 날부터 오늘까지, 은행이 받는 구간으로
            나눠 받습니다. 페이지는 오는 대로 저장하므로 끊긴 동기화도 받은 것을 남기고 다음에 이어 받습니다.
            다시 받은 거래는 더해지지 않습니다. 설정에 "sync"가 있는 모임만 동기화합니다 (README 참고).
            장부 하나에 동기화는 한 번에 하나만. 어느 계좌든 실패하면 종료 코드 1 (다른 계좌는 그대로 진행).
            로컬 은행으로 해 보기: hoebi sandbox, 그다음 hoebi sync.
            """#,
            #"""
            Fetches from the last fully synced day minus the group's overlapDays (default 3) up to
            today, in ranges the bank accepts; pages are stored as they arrive, so an interrupted
            sync keeps what it fetched and resumes next time. Re-fetched rows add nothing.
            Groups sync when their configuration has a "sync" object (see the README). One sync
            runs per database at a time. Exit code 1 when any account failed (the others still ran).
            Try it against the local bank: hoebi sandbox, then hoebi sync.
            """#
        )
    ]
}
