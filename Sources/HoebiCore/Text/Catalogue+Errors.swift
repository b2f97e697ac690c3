extension Messages {
    /// Errors, with the hint that says what to do.
    static let errors: [String: (ko: String, en: String)] = [
        "error.noConfig": (
            "설정 파일이 없습니다: {1}\n  도움말: `hoebi init`으로 만들거나 config.example.json을 hoebi.json으로 복사해 고치세요 (또는 --config FILE, HOEBI_CONFIG)",
            "no configuration at {1}\n  hint: write one with `hoebi init`, or copy config.example.json to hoebi.json and edit it, or pass --config FILE (or set HOEBI_CONFIG)"
        ),
        "error.busy": (
            "{1}을(를) 다른 hoebi 명령이 {2}초 넘게 쓰고 있습니다\n  도움말: 다른 가져오기·동기화·매칭이 끝나면 다시 실행하세요 (`ps`로 확인)",
            "{1} is busy: another hoebi command has been writing to it for more than {2} s\n  hint: wait for the other import, sync or match to finish (see `ps`), then run this again"
        ),
        "error.unknownTransaction": (
            "'{1}' 거래가 없습니다; 번호는 t42처럼 씁니다 (`hoebi review`, `hoebi transactions`)",
            "no transaction '{1}'; ids look like t42 (see `hoebi review`)"
        ),
        "error.notADeposit": (
            "t{1}은(는) 출금입니다; 입금만 회원에게 배정하거나 회비 아님으로 정할 수 있습니다",
            "t{1} is a withdrawal; only deposits can be assigned or ignored"
        ),
        "error.unknownRun": (
            "이 모임에 '{1}' 가져오기·동기화가 없습니다; 번호는 r12처럼 씁니다 (`hoebi runs`)",
            "no import or sync '{1}' in this group; ids look like r12 (see `hoebi runs`)"
        ),
        "error.noFile": ("{1}: 파일이 없습니다", "{1}: no such file"),
        "error.period": (
            "{1} '{2}'은(는) 기간이 아닙니다; 월 2026-03, 분기 2026-Q1, 반기 2026-H1, 연 2026처럼 쓰세요",
            "{1} '{2}' is not a period; write a month 2026-03, a quarter 2026-Q1, a half 2026-H1 or a year 2026"
        ),
        "error.day": ("{1} '{2}'은(는) 날짜가 아닙니다; YYYY-MM-DD로 쓰세요", "{1} '{2}' is not a day; write YYYY-MM-DD"),
        "error.passwordEnv": ("--password-env {1}: 그런 환경 변수가 없습니다", "--password-env {1}: that environment variable is not set"),
        "error.noPassword": ("비밀번호를 받지 못했습니다", "no password given"),
        "error.formatList": ("--format은 table이나 json입니다 ({1}은(는) `hoebi report`용)", "--format: table or json ({1} is for `hoebi report`)"),
        "error.choice": ("{1}: 다음 중 하나를 쓰세요: {2}", "{1}: one of {2}"),
        "error.noMember": ("'{1}' 회원이 없습니다", "no member '{1}'"),
        "error.noMemberList": ("'{2}' 모임에 '{1}' 회원이 없습니다; 회원: {3}", "no member '{1}' in group '{2}'; members: {3}"),
        "error.noMemberNear": ("'{2}' 모임에 '{1}' 회원이 없습니다; 혹시: {3}", "no member '{1}' in group '{2}'; did you mean: {3}"),
        "error.severalMembers": ("'{1}'은(는) 여러 회원의 이름입니다: {2}; 아이디를 쓰세요", "'{1}' is the name of several members: {2}; give the id"),
        "error.part": ("{1} '{2}'을(를) 읽을 수 없습니다 (예: {3})", "cannot read {1} '{2}' (for example {3})"),
        "error.noParts": ("나눌 부분이 없습니다: --dues 회원:금액[:기간] 이나 --other 이름:금액을 주세요", "no parts: give --dues MEMBER:AMOUNT[:PERIODS] or --other LABEL:AMOUNT"),
        "error.splitSum": ("나눈 금액의 합 {1}원이 입금 {2}원과 같아야 합니다", "the parts add up to {1} won; they must make the deposit's {2} won"),
        "error.noDecision": ("t{1}에는 거둘 결정이 없습니다", "t{1} has no decision to withdraw"),
        "error.noRule": ("'{1}'에 대해 배운 규칙이 없습니다 (설정의 별칭은 설정 파일에서 고칩니다)", "no learned rule for '{1}' (configured aliases are edited in the configuration)"),
        "error.noSync": ("\"sync\" 설정이 있는 모임이 없습니다; README의 은행 API 부분을 보세요", "no group has \"sync\" settings; see the README (Bank APIs)"),
        "error.groupNoSync": ("'{1}' 모임에는 동기화 설정이 없습니다", "group '{1}' has no sync settings"),
        "error.notObject": ("{1}은(는) JSON 객체가 아닙니다", "{1} is not a JSON object"),
        "error.noGroup": ("{2}에 '{1}' 모임이 없습니다", "no group '{1}' in {2}"),
        "error.severalGroups": ("{1}에 모임이 여럿입니다; --group으로 고르세요", "several groups in {1}; choose one with --group"),
        "error.unknownFormat": ("모르는 형식 '{1}'; 아는 형식: {2}", "unknown format '{1}'; known: {2}"),
        "error.fromAfterTo": ("--from {1}이(가) --to {2}보다 뒤입니다", "--from {1} is after --to {2}"),
        "error.exists": (
            "{1}이(가) 이미 있습니다; 덮어쓰지 않습니다 (직접 고치거나 `hoebi member add`)", "{1} already exists; it is never overwritten (edit it, or `hoebi member add`)"
        ),
        "error.nothingToChange": ("바꿀 것이 없습니다: 바꿀 옵션을 하나 이상 주세요 (--help 참고)", "nothing to change: give at least one option (see --help)"),
        "error.household": (
            "'{1}'은(는) 회원이 아니라 가구입니다; 가구의 회원이나 households 부분을 고치세요", "'{1}' is a household, not a member; edit its members, or the households section"
        ),
        "error.noMigrationsIn": ("{1}에 마이그레이션(*.sql)이 없습니다", "no migrations (*.sql) in {1}"),
        "error.noMigrations": (
            "{1}에 마이그레이션(*.sql)이 없습니다\n  도움말: 스키마는 hoebi에 들어 있습니다; 스키마를 고치는 중이 아니면 HOEBI_MIGRATIONS와 설정의 \"migrations\"를 지우세요",
            "no migrations (*.sql) in {1}\n  hint: the schema is built into hoebi; unset HOEBI_MIGRATIONS and \"migrations\" in the config unless you are editing it"
        ),
        "error.internalReadOnly": ("내부 오류: 장부를 읽기 전용으로 열고 쓰려고 했습니다", "internal: this command opened the ledger read-only and tried to write"),
        "error.newerSchema": (
            "{1}은(는) 더 새 버전의 Hoebi가 쓴 장부입니다\n  도움말: 새 hoebi를 쓰세요; 아무것도 바꾸지 않았습니다",
            "{1} was written by a newer Hoebi (its schema has migrations this binary does not know)\n  hint: use the newer hoebi; nothing was changed"
        ),
        "error.migrationFailed": (
            "{1}: 장부 스키마를 올리지 못했습니다 ({2}); 실패한 단계는 되돌렸습니다\n  도움말: 마이그레이션 폴더를 확인하거나 백업에서 파일을 되살리세요",
            "{1}: upgrading the ledger's schema failed ({2}); the failed step was undone\n  hint: check the migrations folder, or restore the file from a backup"
        ),
        "error.readOnlyFile": (
            "{1}에 쓸 수 없습니다 (파일이나 폴더가 읽기 전용)\n  도움말: 보고서는 됩니다; 가져오기와 결정에는 권한을 고치세요 (SQLite의 -wal 파일 때문에 폴더도 쓸 수 있어야 합니다)",
            "{1} cannot be written (the file or its folder is read-only)\n  hint: reports still work; for imports and decisions, fix the permissions (the folder must be writable for SQLite's -wal file)"
        ),
        "error.corrupt": (
            "{1}이(가) 손상됐거나 Hoebi 장부가 아닙니다\n  도움말: 백업에서 되살리세요; `sqlite3 {1} 'PRAGMA integrity_check'`로 손상을 볼 수 있습니다",
            "{1} is damaged or not a Hoebi ledger\n  hint: restore it from a backup; `sqlite3 {1} 'PRAGMA integrity_check'` shows the damage"
        ),
        "error.full": (
            "{1}이(가) 있는 디스크가 가득 찼습니다; 이 명령은 아무것도 저장하지 않았습니다\n  도움말: 공간을 비우고 다시 실행하세요",
            "the disk holding {1} is full; nothing of this command was stored\n  hint: free some space and run it again"
        ),
        "error.databaseURL": (
            "데이터베이스 주소를 읽을 수 없습니다\n  도움말: postgres://사용자@호스트:5432/데이터베이스 또는 postgres://사용자@/데이터베이스?host=/소켓/폴더 처럼 쓰세요",
            "cannot read the database URL\n  hint: write it as postgres://user@host:5432/database or postgres://user@/database?host=/socket/folder"
        ),
        "error.databaseSSL": (
            "sslmode '{1}'은(는) 모릅니다\n  도움말: disable, prefer, require 중 하나를 쓰세요",
            "unknown sslmode '{1}'\n  hint: use disable, prefer or require"
        ),
        "error.databaseAuth": (
            "데이터베이스가 사용자나 비밀번호를 받아들이지 않았습니다\n  도움말: databasePasswordEnv 또는 databasePasswordFile이 가리키는 비밀번호를 확인하세요",
            "the database refused the user or password\n  hint: check the password databasePasswordEnv or databasePasswordFile points to"
        ),
        "error.databaseMissing": (
            "그런 데이터베이스가 서버에 없습니다\n  도움말: 먼저 만드세요 (createdb 이름)",
            "the server has no such database\n  hint: create it first (createdb NAME)"
        ),
        "error.databaseUnreachable": (
            "데이터베이스 서버에 연결할 수 없습니다\n  도움말: 서버가 켜져 있는지, 주소와 포트가 맞는지 확인하세요",
            "cannot reach the database server\n  hint: check that it is running and that the host and port are right"
        ),
        "copy.table": ("{1}: {2}행 → {3}행{4}", "{1}: {2} rows → {3} rows{4}"),
        "copy.differs": ("  ← 내용이 다릅니다", "  ← contents differ"),
        "copy.done": ("옮겼습니다: 표 {1}개, 양쪽 체크섬이 모두 같습니다", "copied: {1} tables, every checksum the same on both sides"),
        "copy.failed": ("양쪽 내용이 다릅니다: 받은 쪽을 쓰지 마세요", "the two sides differ: do not use the target"),
        "copy.twoEngines": (
            "copy-db는 SQLite 파일과 PostgreSQL 사이에서만 옮깁니다\n  도움말: SQLite끼리는 hoebi backup, PostgreSQL끼리는 pg_dump를 쓰세요",
            "copy-db moves between a SQLite file and PostgreSQL only\n  hint: use hoebi backup between files and pg_dump between PostgreSQL databases"
        ),
        "copy.notEmpty": (
            "{1}에 이미 거래가 있습니다: hoebi copy-db는 빈 데이터베이스에만 옮깁니다\n  도움말: 새 데이터베이스를 만들어 (createdb) 그곳으로 옮기세요",
            "{1} already holds transactions: hoebi copy-db moves a ledger into an empty database only\n  hint: create a new one (createdb) and copy into it"
        ),
        "copy.exists": (
            "{1}이(가) 이미 있습니다: 덮어쓰지 않습니다\n  도움말: 새 파일 이름을 주세요",
            "{1} exists already and is never overwritten\n  hint: give a new file name"
        ),
        "error.postgresPreview": (
            "PostgreSQL 원장({1})에서는 --dry-run 미리보기를 아직 할 수 없습니다\n  도움말: 그냥 가져온 뒤 잘못되었으면 hoebi revert로 되돌리세요",
            "--dry-run cannot preview on a PostgreSQL ledger ({1}) yet\n  hint: import, and take it back with hoebi revert if it is wrong"
        ),
        "error.postgresBackup": (
            "PostgreSQL 원장({1})은 hoebi backup으로 복사하지 않습니다\n  도움말: pg_dump로 백업하세요 (예: pg_dump -Fc -f hoebi.dump 데이터베이스)",
            "a PostgreSQL ledger ({1}) is not copied by hoebi backup\n  hint: back it up with pg_dump (e.g. pg_dump -Fc -f hoebi.dump DATABASE)"
        ),
        "error.postgresHandover": (
            "PostgreSQL 원장({1})은 아직 인계 파일로 묶을 수 없습니다\n  도움말: pg_dump로 옮기세요; SQLite 원장에서는 hoebi export가 됩니다",
            "a PostgreSQL ledger ({1}) cannot be bundled for a handover yet\n  hint: move it with pg_dump; hoebi export works on a SQLite ledger"
        ),
        "error.io": ("{1}을(를) 읽거나 쓸 수 없습니다 ({2})", "cannot read or write {1} ({2})"),
        // Where in a file, and what to do
        "place.sheet": (", 시트 '{1}'", ", sheet '{1}'"),
        "place.row": (", {1}행", ", row {1}"),
        "place.column": (", '{1}' 열", ", column '{1}'"),
        "place.hint": ("\n  도움말: {1}", "\n  hint: {1}"),
        "hint.downloadAgain": ("거래내역을 다시 내려받으세요", "download the statement again"),
        "hint.againOrCSV": ("거래내역을 다시 내려받거나 CSV로 내보내세요", "download the statement again, or export it as CSV"),
        "hint.exportExcelCSV": ("거래내역을 엑셀이나 CSV로 내보내세요", "export the statement as Excel or CSV"),
        "hint.savePlain": (
            "엑셀이나 LibreOffice에서 열어 비밀번호 없는 .xlsx나 CSV로 저장하세요", "open it in Excel or LibreOffice and save it as .xlsx without a password, or as CSV"
        ),
        "import.cannotOpen": ("파일을 열 수 없습니다 (없거나 읽을 수 없음)", "cannot open the file (missing or not readable)"),
        "import.empty": ("빈 파일입니다", "the file is empty"),
        "import.pdf": ("PDF 거래내역에는 Hoebi가 읽을 표가 없습니다", "this is a PDF statement, which holds no table Hoebi can read"),
        "import.pdf.hint": (
            "인터넷뱅킹에서 엑셀(.xlsx/.xls)이나 CSV로 내려받으세요; 방법은 `hoebi formats`",
            "download the statement as Excel (.xlsx/.xls) or CSV from internet banking; `hoebi formats` lists how"
        ),
        "import.utf16": ("UTF-16이라고 하지만 아닙니다", "the file claims UTF-16 but is not"),
        "import.binary": (
            "Hoebi가 읽는 거래내역 파일이 아닙니다 (xlsx, xls, HTML, CSV가 아닌 이진 파일)", "this is not a statement file Hoebi reads (binary content, not xlsx, xls, HTML or CSV)"
        ),
        "import.binary.hint": ("거래내역을 엑셀이나 CSV로 내보내세요; `hoebi formats` 참고", "export the statement as Excel or CSV; see `hoebi formats`"),
        "import.encoding": ("UTF-8도 CP949도 아닌 텍스트입니다", "the file is neither UTF-8 nor CP949 text"),
        "import.encoding.hint": ("거래내역을 CSV(UTF-8)나 xlsx로 저장해 다시 해 보세요", "save the statement as CSV (UTF-8) or xlsx and try again"),
        "import.damaged": ("파일이 손상됐습니다 ({1})", "the file is damaged ({1})"),
        "import.officeOther": ("통합 문서도 암호화된 xlsx도 아닌 오피스 문서입니다", "an Office document that is neither a workbook nor an encrypted xlsx"),
        "import.password": ("비밀번호가 걸린 파일입니다", "the file is password-protected"),
        "import.password.hint": (
            "--password-file FILE이나 --password-env VAR로 비밀번호를 주세요 (터미널에서 실행하면 물어봅니다)",
            "give the password with --password-file FILE or --password-env VAR (or run in a terminal to be asked)"
        ),
        "import.wrongPassword": ("비밀번호가 틀렸습니다", "wrong password"),
        "import.wrongPassword.hint": (
            "카카오뱅크와 토스는 거래내역과 함께 비밀번호를 알려 줍니다 (흔히 생년월일 YYMMDD)", "KakaoBank and Toss send the password with the statement (often your birth date, YYMMDD)"
        ),
        "import.scheme": ("Hoebi가 풀 수 없는 암호화 방식입니다 ({1})", "the file uses {1}, which Hoebi cannot decrypt"),
        "import.encryptedDamaged": ("암호화된 파일이 손상됐습니다 ({1})", "the encrypted file is damaged ({1})"),
        "import.noHeader": (
            "처음 {1}줄에서 머리글 줄을 찾지 못했습니다 (날짜, 금액, 내용 열이 있는 줄이 없음)",
            "no header row found in the first {1} rows (no row has the labels of a bank statement: a date, an amount and a text column)"
        ),
        "import.noHeader.closest": (
            "처음 {1}줄에서 머리글 줄을 찾지 못했습니다; 가장 가까운 {2}행 ({3})은 '{4}' 같지만 {5}이(가) 없습니다",
            "no header row found in the first {1} rows; the closest is row {2} ({3}), which looks like '{4}' but lacks {5}"
        ),
        "import.noHeader.hint": (
            "이 계좌의 거래내역 파일인가요? --format으로 형식을 정하거나 `hoebi formats`와 README의 CSV 열을 보세요",
            "is this the account's 거래내역 export? use --format to name the layout, or see `hoebi formats` and the README's CSV columns"
        ),
        "import.otherAccount": (
            "이 거래내역은 모임 계좌 {2}가 아니라 {1} 계좌의 것입니다; 아무것도 저장하지 않았습니다",
            "this is a statement of account {1}, not of the group's account {2}; nothing was stored"
        ),
        "import.otherAccount.hint": (
            "그 계좌를 쓰는 모임으로 가져오거나 (--group ID), 그래도 여기로 가져오려면 --other-account를 붙이세요",
            "import it into the group that keeps that account (--group ID), or add --other-account to import it here anyway"
        ),
        "import.row.hint": ("그 줄을 고치거나 지우고 다시 가져오세요; 이 파일에서는 아무것도 저장하지 않았습니다", "fix or remove that row and import again; nothing from this file was stored"),
        "import.row.noDate": ("날짜가 비어 있습니다", "the date is empty"),
        "import.row.both": ("한 줄에 입금({1})과 출금({2})이 함께 있습니다", "both a deposit ({1}) and a withdrawal ({2}) on one row"),
        "bank.unknown": (
            "은행 '{1}'은(는) Hoebi가 아는 이름이 아닙니다 ({2}); 혹시 '{3}'? 다른 은행이면 가져오기는 열 이름으로 합니다",
            "bank '{1}' is not one Hoebi knows ({2}); did you mean '{3}'? For another bank, statements are read by their column labels"
        ),
        "bank.digits": (
            "{1} 계좌번호는 보통 {2}자리인데 {3}자리입니다: 맞는지 확인하세요",
            "{1} account numbers usually have {2} digits, this one has {3}: check it"
        ),
        "import.beforeSchedule": (
            "입금이 {1}부터 있는데 회비는 {2}부터입니다: 그 전 입금은 어느 회비도 되지 않습니다. 회비가 더 일찍 시작했다면: hoebi group edit --start {1}",
            "deposits start in {1} but dues start in {2}: earlier deposits pay nothing. If dues started earlier: hoebi group edit --start {1}"
        ),
        "import.skipped": ("건너뛴 줄: {1}", "rows skipped: {1}"),
        "import.skipped.title": ("표 위 제목 {1}줄", "{1} of the title block"),
        "import.skipped.footer": ("합계·안내 {1}줄", "{1} totals or notes"),
        "import.skipped.zero": ("0원 거래 {1}줄 ({2})", "{1} of 0 won ({2})"),
        "import.damagedContent": (
            "파일 속 내용이 손상돼 끝까지 읽을 수 없습니다 (압축이 깨졌거나 잘림); 아무것도 저장하지 않았습니다",
            "the file's content is damaged and cannot be read to the end (a broken or cut-off compressed part); nothing was stored"
        ),
        "import.cipher": ("암호화 설정이 어떤 방식과도 맞지 않음", "its encryption settings fit no scheme"),
        "import.otherCells": ("다른 칸 {1}개", "{1} other cells"),
        "import.row.tooLong": (
            "글자가 {1}자인 칸입니다 (한 칸에 {2}바이트까지): 손상된 파일 같습니다",
            "a cell of {1} characters (at most {2} bytes a cell): the file looks damaged"
        ),
        "import.cell.hidden": ("글자 {1}자 (내용은 보이지 않게 했습니다)", "{1} characters of text (not shown)"),
        "import.row.balance": (
            "거래 후 잔액이 원 단위 금액이 아닙니다 (이 칸의 내용은 보이지 않게 했습니다)", "the balance is not an amount of whole won (the cell's content is not shown)"
        ),
        "import.row.time": (
            "'{1}'은(는) 알 수 있는 시각이 아닙니다 (예: 15:42:42, 154242, 또는 엑셀 시각 0.6546)",
            "'{1}' is not a time of day Hoebi understands (e.g. 15:42:42, 154242, or Excel's 0.6546)"
        ),
        "import.row.date": (
            "'{1}'은(는) 알 수 있는 날짜가 아닙니다 (예: 2026.01.05 10:00:00, 2026-01-05)", "'{1}' is not a date Hoebi understands (e.g. 2026.01.05 10:00:00 or 2026-01-05)"
        ),
        "import.row.notWhole": ("'{1}'은(는) 원 단위 정수가 아닙니다", "'{1}' is not a whole number of won"),
        "import.row.tooLarge": (
            "'{1}'은(는) 실제 계좌에 있을 수 없는 금액입니다 ({2}원 초과); 맞는 열인가요?", "'{1}' is beyond any real account (more than {2} won); is this the right column?"
        ),
        "import.row.notAmount": ("'{1}'은(는) 원 단위 금액이 아닙니다", "'{1}' is not an amount in whole won"),
        "import.xlsx.zip": ("읽을 수 있는 xlsx 파일이 아닙니다: zip이 손상됐거나 잘렸습니다 ({1})", "not a readable xlsx file: the zip container is damaged or truncated ({1})"),
        "import.xlsx.zipDecrypted": (
            "풀어낸 통합 문서가 읽을 수 있는 xlsx가 아닙니다: zip이 손상됐거나 잘렸습니다 ({1})",
            "the decrypted workbook is not a readable xlsx file: the zip container is damaged or truncated ({1})"
        ),
        "import.xlsx.huge": (
            "xlsx 안의 {1}이(가) 풀면 {2} MB가 넘습니다; 거래내역이 아닙니다 (또는 손상됨)",
            "the xlsx part {1} inflates to more than {2} MB; this is no bank statement (or a damaged one)"
        ),
        "import.xlsx.huge.hint": (
            "거래내역을 다시 내보내세요; 정말 큰 파일이면 HOEBI_XLSX_MAX_PART_MB를 정하세요", "export the statement again; for a genuinely huge file set HOEBI_XLSX_MAX_PART_MB"
        ),
        "import.xlsx.damaged": ("xlsx가 손상됐습니다: {1}", "the xlsx is damaged: {1}"),
        "import.xlsx.part": ("xlsx 안의 {1}: {2}", "the xlsx part {1} {2}"),
        "import.xlsx.noSheet": ("통합 문서에 시트가 없습니다 ({1} 없음)", "the workbook has no worksheet ({1} is missing)"),
        "import.xlsx.noSheet.hint": ("은행 거래내역인가요? xlsx나 CSV로 다시 내보내세요", "is this a bank statement? export it again as xlsx or CSV"),
        "xml.malformed": ("XML이 올바르지 않습니다 ({1})", "is not well-formed XML ({1})"),
        "xml.unclosed": ("닫히지 않은 요소가 있습니다", "an element is never closed"),
        "xml.empty": ("요소가 하나도 없습니다", "it holds no element"),
        "xml.outside": ("최상위 요소 밖에 내용이 있습니다", "there is content outside the root element"),
        "xml.cut": ("태그 중간에서 끝납니다", "it ends in the middle of a tag"),
        "xml.tag": ("태그 모양이 잘못됐습니다", "a tag is malformed"),
        "xml.deep": ("요소가 {1}단계보다 깊게 겹쳐 있습니다", "elements are nested deeper than {1}"),
        "xml.stray": ("열린 적 없는 요소를 닫는 태그가 있습니다", "a closing tag closes nothing"),
        "xml.mismatch": ("요소가 다른 이름의 태그로 닫힙니다", "an element is closed by a tag of another name"),
        "xml.entity": ("알 수 없는 문자 참조(&…;)가 있습니다", "it holds an unknown entity (&…;)"),
        "xml.utf8": ("UTF-8 텍스트가 아닙니다", "is not valid UTF-8 text"),
        "xml.pi": ("스프레드시트에는 없는 처리 명령(<?…?>)이 있습니다", "holds a processing instruction, which no spreadsheet has"),
        "xml.dtd": ("스프레드시트에는 없는 문서 형식 선언(<!DOCTYPE)이 있습니다", "holds a document type declaration, which no spreadsheet has"),
        "xlsx.row": ("행 번호가 워크시트 범위(1…{1}) 밖입니다", "a row number is outside a worksheet (1…{1})"),
        "xlsx.ref": ("셀 주소 '{1}'이(가) 워크시트 범위(A…XFD) 밖입니다", "cell reference '{1}' is outside a worksheet (A…XFD)"),
        "xlsx.columns": ("한 행에 셀이 {1}개보다 많습니다", "more than {1} cells in one row")
    ]
}

extension Messages {
    /// What commands print as they go: progress, results, warnings.
    static let output: [String: (ko: String, en: String)] = [
        "warning": ("hoebi: 주의: {1}", "hoebi: warning: {1}"),
        "warning.mode": (
            "{1}을(를) 다른 사용자도 읽을 수 있습니다 (권한 {2}); 은행 토큰과 회원의 납부가 들어 있습니다: chmod 600 {1}",
            "{1} can be read by other users (mode {2}); it holds bank tokens and members' payments: chmod 600 {1}"
        ),
        "warning.readOnly": (
            "{1}이(가) 읽기 전용이라 다시 매칭한 결과를 저장하지 못했습니다; 매칭 전 입금은 확인 필요로 보입니다",
            "{1} is read-only, so the re-match it owes was not saved; deposits not matched yet are listed for review"
        ),
        "progress.sync": ("{1} {2}: {3}–{4} 받는 중…", "{1} {2}: {3}–{4}…"),
        "progress.syncDone": ("{1} {2}: {3}–{4} · 새 거래 {5}건, 있던 거래 {6}건", "{1} {2}: {3}–{4} · {5} new, {6} known"),
        "progress.rows": ("{1}줄 읽음…", "read {1} rows…"),
        "sync.line": ("{1} ({2}) {3}…{4}: 새 거래 {5}건, 있던 거래 {6}건, {7}쪽, {8}초", "{1} ({2}) {3}…{4}: {5} new, {6} known, {7} pages, {8} s"),
        "sync.matched": ("; 배정 {1}건, 확인 필요 {2}건", "; {1} allocated, {2} to review"),
        "sync.breaks": ("; 잔액 흐름 끊김 {1}곳", "; {1} balance break(s)"),
        "sync.notice": ("  공지를 {1}에 썼습니다", "  notice written to {1}"),
        "sync.noticeFailed": (
            "  공지를 쓰지 못했습니다: {1}\n  도움말: 동기화 설정의 \"notice\" 경로와 폴더 권한을 확인하세요",
            "  the notice was not written: {1}\n  hint: check the \"notice\" path in the sync settings and the folder's permissions"
        ),
        "sync.balanceMismatch": ("\n  주의: 은행 잔액은 {1}원인데 장부는 {2}원입니다", "\n  WARNING: the bank reports a balance of {1} won, the ledger {2} won"),
        "sync.balanceAgrees": ("; 잔액 {1}원, 은행과 같음", "; balance {1} won agrees with the bank"),
        "sync.repeated": (
            "\n  참고: 은행이 {1}쪽을 새 커서로 다시 보냈습니다; 그 거래는 두 번 저장하지 않았습니다",
            "\n  NOTE: the bank sent {1} page(s) again under a new cursor; their rows were not stored twice"
        ),
        "sync.failed": ("\n  실패: {1}", "\n  FAILED: {1}"),
        "sync.gaveUp": ("{1}번 시도하고 멈췄습니다: {2} — {3}", "gave up after {1} attempts: {2} — {3}"),
        "sync.hint.noAnswer": (
            "{1}이(가) 응답하지 않습니다; hoebi.json의 baseURL과 이 컴퓨터의 인터넷 연결을 확인하세요 (curl -sI {1})",
            "{1} did not answer; check baseURL in hoebi.json and that this machine is online (curl -sI {1})"
        ),
        "sync.hint.slow": ("{1}이(가) 너무 느리거나 멈췄습니다; 나중에 다시 해 보세요", "{1} is too slow or down; try again later"),
        "sync.hint.failing": ("{1}이(가) 계속 실패합니다; 은행 서비스가 멈췄을 수 있으니 나중에 다시 해 보세요", "{1} kept failing; the bank's service may be down, try again later"),
        "sync.resumes": ("\n  받은 것은 남아 있습니다; 다음 동기화가 이어서 받습니다", "\n  what was fetched is kept; the next sync resumes"),
        "password.again": ("비밀번호가 틀렸습니다; 다시 입력하세요 ({1}번 남음)", "wrong password; try again ({1} left)"),
        "wrote": ("{1}에 썼습니다", "wrote {1}"),
        "wrote.xlsx": ("{1}에 썼습니다: 회비 현황, 입금, 출금", "wrote {1}: 회비 현황 (dues), 입금 (deposits), 출금 (withdrawals)"),
        "history.title": ("{1} ({2}) 납부 내역 · {3}건", "{1} ({2}) deposits · {3}"),
        "history.none": ("아직 이 회원의 회비로 정해진 입금이 없습니다 (정하지 못한 입금은 hoebi review)", "no deposits paid this member's dues yet (hoebi review lists undecided ones)"),
        "history.total": ("합계 {1}원", "total {1} won"),
        "transactions.none": ("맞는 거래가 없습니다", "no transactions match"),
        "transactions.limit": ("(처음 {1}건; 검색을 좁히거나 --limit을 올리세요)", "(first {1} rows; narrow the search or raise --limit)"),
        "runs.none": ("아직 없습니다: 거래내역을 가져오거나 동기화하세요.", "Nothing yet: import a statement or sync."),
        "aliases.removed": ("'{1}' 규칙을 지웠습니다; 확인 필요 {2}건", "rule for '{1}' removed; {2} deposit(s) to review"),
        "aliases.none": ("아직 규칙이 없습니다: `hoebi assign`, `ignore`, `unassign`이 남깁니다.", "No rules yet: `hoebi assign`, `ignore` and `unassign` leave them."),
        "explain.head": ("t{1}  {2}  {3}원  '{4}'  {5}", "t{1}  {2}  {3} won  '{4}'  {5}"),
        "explain.withdrawal": ("출금: 기록만 하고 매칭하지 않습니다", "a withdrawal: recorded, never matched"),
        "init.wrote": ("{1}에 썼습니다: {2}, 회원 {3}명, {5} 회비 {4}원, {6}부터", "wrote {1}: {2}, {3} member(s), {4} won per {5} period from {6}"),
        "formats.header": ("머리글: {1}", "header: {1}"),
        "formats.export": ("내려받기: {1}", "export: {1}"),
        "demo.synced": ("새 거래 {1}건, 있던 거래 {2}건, {3}쪽, {4}초", "{1} new, {2} known, {3} pages in {4} s"),
        "demo.matched": ("; 배정 {1}건, 확인 필요 {2}건, 회비 아님 {3}건", "; {1} allocated, {2} to review, {3} not dues"),
        "demo.continuous": ("; 잔액 흐름 끊김 없음\n", "; balance chain continuous\n"),
        "demo.breaks": ("; 잔액 흐름 끊김 {1}곳\n", "; {1} balance break(s)\n"),
        "demo.files": (
            "파일은 {1}에 있습니다. 해 보기: hoebi --help, 또는 hoebi report --config {1}/hoebi.json --format json",
            "Files are in {1}. Try: hoebi --help, or hoebi report --config {1}/hoebi.json --format json"
        ),
        "serve.noTreasurer": ("hoebi: 주의: 총무 계정이 없어 아무도 로그인할 수 없습니다; hoebi user add 이름", "hoebi: warning: no treasurer can sign in yet; hoebi user add NAME"),
        "serve.listening": ("http://{1}:{2} 에서 기다립니다 (멈추려면 Ctrl-C)", "listening on http://{1}:{2} (Ctrl-C stops)"),
        "user.exists": ("'{1}' 총무가 이미 있습니다; 비밀번호는 hoebi user passwd로 바꿉니다", "treasurer '{1}' exists already; change the password with hoebi user passwd"),
        "user.none": ("'{1}' 총무가 없습니다 (hoebi user list)", "no treasurer '{1}' (see hoebi user list)"),
        "user.added": ("'{1}' 총무를 만들었습니다", "treasurer '{1}' added"),
        "user.changed": ("'{1}'의 비밀번호를 바꿨습니다; 모든 브라우저에서 로그아웃됐습니다", "password of '{1}' changed; every browser is signed out"),
        "user.removed": ("'{1}' 총무를 지웠습니다", "treasurer '{1}' removed"),
        "user.ask": ("{1}의 새 비밀번호: ", "New password for {1}: "),
        "user.again": ("한 번 더: ", "Again: "),
        "user.mismatch": ("두 비밀번호가 다릅니다", "the two passwords differ"),
        "token.created": (
            "토큰 {1}을(를) 만들었습니다; 다시 보여 주지 않으니 지금 보관하세요 (Authorization: Bearer …)", "token {1} made; it is not shown again, keep it now (Authorization: Bearer …)"
        ),
        "token.none": ("{1}번 토큰이 없거나 이미 폐기됐습니다", "no token {1}, or it is revoked already"),
        "token.revoked": ("{1}번 토큰을 폐기했습니다", "token {1} revoked"),
        "token.revokedMark": ("(폐기됨)", "(revoked)"),
        "backup.done": ("{1}에 장부를 복사했습니다", "ledger copied to {1}"),
        "init.prompt.name": ("모임 이름", "group name"),
        "init.prompt.bank": ("은행 (예: kakaobank)", "bank (e.g. kakaobank)"),
        "init.prompt.account": ("계좌번호", "account number"),
        "init.prompt.amount": ("회비 (기간마다; 20000, 20,000, 2만원 모두 됨)", "dues per period (20000, 20,000 or 2만원)"),
        "init.prompt.holder": ("예금주 (은행 앱에 보이는 이름; 없으면 엔터)", "account holder (as the bank shows it; Enter to skip)"),
        "init.prompt.from": ("회비를 언제부터 냈나요 (예: 2026-03)", "first period dues were owed (e.g. 2026-03)"),
        "init.prompt.dueDay": ("매달 며칠까지 내나요 (1-31)", "day of the month dues are due (1-31)"),
        "init.prompt.treasurer": ("총무 이름 (회원 중 한 명; 없으면 엔터)", "the treasurer's name (one of the members; Enter to skip)"),
        "init.none": ("없음", "none"),
        "init.again": ("'{1}'은(는) 읽을 수 없습니다; 다시 적어 주세요", "cannot read '{1}'; try again"),
        "init.bad": ("init: {1}: '{2}'은(는) 읽을 수 없습니다 (hoebi init --help 참고)", "init: {1}: cannot read '{2}' (see hoebi init --help)"),
        "init.prompt.members": ("회원 이름, 한 줄에 한 명 (빈 줄로 끝):", "member names, one per line (an empty line ends):"),
        "init.needed": ("init: {1}이(가) 필요합니다 (hoebi init --help 참고)", "init: {1} is needed (see hoebi init --help)"),
        "init.badAmount": ("init: 회비는 0보다 큰 원 단위 정수로 쓰세요", "init: dues must be a whole number of won above 0"),
        "init.badCycle": (
            "init: --cycle {1}: monthly(월), quarterly(분기), half-yearly(반기), yearly(연) 중 하나로 쓰세요",
            "init: --cycle {1}: write monthly, quarterly, half-yearly or yearly"
        ),
        "demo.dirIsFile": ("--dir {1}은(는) 폴더가 아니라 파일입니다", "--dir {1} is a file, not a folder"),
        "demo.dirInUse": (
            "{1}에 이미 파일이 있고 ({2}) `hoebi demo`가 만든 폴더가 아닙니다; 데모는 자기 hoebi.json과 샌드박스 거래를 쓰므로 멈춥니다.\n  도움말: 새 폴더나 빈 폴더를 주세요. 예: hoebi demo --dir hoebi-demo",
            "{1} already holds files ({2}) and was not made by `hoebi demo`; the demo would write its own hoebi.json and sandbox rows there, so it stops.\n  hint: give a new or empty folder, e.g. hoebi demo --dir hoebi-demo"
        ),
        "config.cannotReplace": ("{1}을(를) 바꾸지 못했습니다 (errno {2}); 폴더의 쓰기 권한을 확인하세요", "cannot replace {1} (errno {2}); check the folder's write permission"),
        "sync.lockOpen": ("동기화 잠금 파일 {1}을(를) 열 수 없습니다; 장부 폴더의 쓰기 권한을 확인하세요", "cannot open the sync lock {1}; check the ledger folder's write permission"),
        "sync.lockHeld": (
            "이 장부에서 다른 동기화가 진행 중입니다 (pid {1}); 끝난 뒤 다시 하세요", "another sync is running on this database (pid {1}); try again when it has finished"
        ),
        "connect.open": ("이 주소를 열어 동의하세요:\n  {1}\n은행이 {2}(으)로 돌려보내기를 기다립니다 …", "Open this URL and consent:\n  {1}\nwaiting for the bank's redirect on {2} …"),
        "connect.done": ("연결했습니다: 토큰은 장부에 보관합니다; 이제 `hoebi sync`", "connected: tokens kept in the database; run `hoebi sync`"),
        "connect.noSettings": ("'{1}' 모임에 kftc 동기화 설정이 없습니다", "group '{1}' has no kftc sync settings"),
        "warning.staleRule": (
            "'{1}' 입금 규칙이 설정에 더는 없는 회원 '{2}'을(를) 가리켜 적용하지 않습니다 (`hoebi aliases --remove '{1}'` 또는 회원을 다시 추가)",
            "the rule for '{1}' names member '{2}', who is no longer in the configuration; it is not applied (`hoebi aliases --remove '{1}'`, or add the member back)"
        ),
        "warning.ruleConflict": (
            "'{1}'을(를) '회비 아님'으로 한 규칙이 설정과 어긋납니다: 회원 이름이 들어 있어 그 입금은 확인 필요로 둡니다 (hoebi aliases --remove '{1}')",
            "the rule 'not dues' for '{1}' contradicts the configuration: the text names a member; its deposits are in review (hoebi aliases --remove '{1}')"
        ),
        "init.next": (
            "다음: hoebi import 거래내역.xlsx   (또는 \"sync\" 설정을 더하세요; config.example.json 참고)",
            "next: hoebi import 거래내역.xlsx   (or add a \"sync\" section; see config.example.json)"
        )
    ]
}
