extension Messages {
    /// What is wrong in `hoebi.json`, each after the JSON path of the field.
    static let config: [String: (ko: String, en: String)] = [
        "config.invalid": ("설정이 잘못됐습니다:", "invalid configuration:"),
        "config.noGroup": ("'{1}' 모임이 없습니다; 있는 모임: {2}", "no group with id '{1}'; known: {2}"),
        "config.severalGroups": ("모임이 여럿입니다; --group으로 고르세요 ({1})", "several groups are configured; choose one with --group ({1})"),
        "config.notJSON": ("올바른 JSON이 아닙니다: {1}", "not valid JSON at {1}"),
        "config.missing": ("꼭 있어야 하는 항목이 없습니다", "required field is missing"),
        "config.expected": ("{1}이어야 합니다", "expected {1}"),
        "config.expectedNull": ("{1}이어야 하는데 null입니다", "expected {1}, found null"),
        "config.type.string": ("문자열", "a string"),
        "config.type.integer": ("정수", "a whole number"),
        "config.type.array": ("목록", "an array"),
        "config.type.other": ("{1} 값이나 객체", "an object or value of type {1}"),
        "config.noGroups": (
            "모임이 아직 없습니다: hoebi.json의 \"groups\"에 적거나 hoebi config import로 저장소에 넣으세요",
            "there is no group yet: describe one under \"groups\" in hoebi.json, or put one in the ledger with hoebi config import"
        ),
        "config.badID": ("'{1}'은(는) 쓸 수 없는 아이디입니다; 영문, 숫자, '-', '_'만 쓰세요", "'{1}' is not a valid id; use letters, digits, '-' or '_'"),
        "config.dupGroup": ("모임 아이디 '{1}'이(가) 겹칩니다 (groups[{2}]에도 있음)", "duplicate group id '{1}' (also groups[{2}])"),
        "config.dupMember": ("회원 아이디 '{1}'이(가) 겹칩니다 (members[{2}]에도 있음)", "duplicate member id '{1}' (also members[{2}])"),
        "config.empty": ("비어 있으면 안 됩니다", "must not be empty"),
        "config.noDigits": ("숫자가 없습니다", "has no digits"),
        "config.advanceMonths": (
            "{1}개월은 미리 낼 수 있는 기간(0-120개월)이 아닙니다",
            "{1} months is not a bound for paying ahead (0-120 months)"
        ),
        "config.day": ("{1}은(는) 날짜(1-31)가 아닙니다", "{1} is not a day of the month (1-31)"),
        "config.noSchedule": ("{\"from\": \"YYYY-MM\", \"amount\": N}이 하나는 있어야 합니다", "needs at least one {\"from\": \"YYYY-MM\", \"amount\": N}"),
        "config.overlap": ("schedule[{1}]과 겹칩니다: 둘 다 {2}에 시작합니다", "overlaps schedule[{1}]: both start in {2}"),
        "config.negative": ("음수이면 안 됩니다", "must not be negative"),
        "config.tooMuch": ("{1}은(는) 회비로 있을 수 없는 금액입니다 (최대 {2}원)", "{1} is beyond any dues (at most {2} won)"),
        "config.rateStart": ("{1}은(는) 모임의 기간({2})보다 깁니다; 회비는 {2} 기간 단위로 바꾸세요", "{1} is longer than the group's {2} period; start a rate at a {2} period"),
        "config.letters": ("글자가 있어야 합니다", "must contain letters"),
        "config.leftBeforeJoined": ("탈퇴 {1}이(가) 가입 {2}보다 앞입니다", "{1} is before joined {2}"),
        "config.joinedBeforeSchedule": ("가입 {1}이(가) 회비 시작 ({2})보다 앞입니다", "{1} is before the dues schedule starts ({2})"),
        "config.toBeforeFrom": ("{1}이(가) 시작 {2}보다 앞입니다", "{1} is before from {2}"),
        "config.exemptShort": (
            "{1}은(는) 이 회원의 기간({2})보다 짧습니다; 기간 전체를 면제하세요 (예: {3})", "{1} is shorter than the member's {2} period; exempt a whole period (e.g. {3})"
        ),
        "config.split": (
            "{2} 기간마다 {1}원은 {3} 기간의 원 단위로 나뉘지 않습니다; 이 회원의 회비를 정하세요",
            "{1} won per {2} period does not split into whole won per {3} period; give this member an amount"
        ),
        "config.aliasTaken": ("'{1}'은(는) 이미 '{2}' 회원의 별칭입니다", "'{1}' is already an alias of member '{2}'"),
        "config.unknownMember": ("'{1}' 회원 아이디가 없습니다", "unknown member id '{1}'"),
        "config.householdID": ("'{1}'은(는) 회원 아이디가 아닌 새 아이디여야 합니다", "'{1}' must be a new id, not a member's"),
        "config.householdSize": ("가구에는 회원이 둘 이상 있어야 합니다", "a household has at least two members"),
        "config.range": ("0보다 크고 {1}원 이하여야 합니다", "must be above 0 and at most {1} won"),
        "config.inHousehold": ("'{1}'은(는) 이미 '{2}' 가구에 있습니다", "'{1}' is already in household '{2}'"),
        "config.eventDate": ("행사 날짜 \"{1}\"을(를) 읽을 수 없습니다: 2026-12-20처럼 적어 주세요", "cannot read the event date \"{1}\": write it like 2026-12-20"),
        "config.eventMembers": (
            "\"{1}\"은(는) 참석자로 쓸 수 없습니다: \"all\"(모두), \"signup\"(낸 사람) 또는 회원 id 목록",
            "\"{1}\" is not an attendee list: \"all\", \"signup\" (whoever paid) or a list of member ids"
        ),
        "config.eventSettle": (
            "정산 방식 \"{1}\"을(를) 모릅니다: \"even\"(1/N) 또는 \"fee\"(참가비만 받고 나머지는 회비에서)",
            "unknown settlement \"{1}\": \"even\" (1/N) or \"fee\" (the fee stays, the club pays the rest)"
        ),
        "config.eventTwice": ("행사 \"{1}\"이(가) 이미 있습니다 (events[{2}])", "the event \"{1}\" is already there (events[{2}])"),
        "config.fee": ("별도 회비에는 글자가 있는 이름과 0보다 큰 금액이 필요합니다 (최대 {1}원)", "a fee needs a word with letters and an amount above 0 (at most {1} won)"),
        "config.databasePassword": (
            "데이터베이스 비밀번호를 hoebi.json에 쓰지 마세요\n  도움말: 주소에서 비밀번호를 빼고 databasePasswordEnv(환경 변수 이름)나 databasePasswordFile(파일)을 주세요",
            "do not write the database password into hoebi.json\n  hint: take it out of the URL and give databasePasswordEnv (a variable's name) or databasePasswordFile (a file)"
        ),
        "config.language": (
            "'{1}'은(는) Hoebi가 쓰는 언어가 아닙니다; \"ko\" (한국어)나 \"en\" (English)으로 쓰세요", "'{1}' is not a language Hoebi speaks; write \"ko\" (한국어) or \"en\" (English)"
        ),
        "config.cycle": (
            "'{1}'은(는) 회비 주기가 아닙니다; monthly, quarterly, half-yearly, yearly (월/분기/반기/연)로 쓰세요",
            "'{1}' is not a dues cycle; write monthly, quarterly, half-yearly or yearly (월/분기/반기/연)"
        ),
        "config.twice": ("두 번 썼습니다 ({1}줄과 {2}줄); 하나만 남기세요", "written twice (lines {1} and {2}); keep one"),
        "config.unknownKey": ("모르는 키 ({1}줄 {2}열)", "unknown key (line {1}, column {2})"),
        "config.didYouMean": ("; 혹시 '{1}'?", "; did you mean '{1}'?"),
        "json.at": ("{1}줄 {2}열: {3}", "line {1}, column {2}: {3}"),
        "json.eof": ("파일 끝", "the end of the file"),
        "json.byte": ("바이트 0x{1}", "byte 0x{1}"),
        "json.after": ("설정이 끝난 뒤에 글자가 더 있습니다", "unexpected text after the end of the configuration"),
        "json.deep": ("64단계보다 깊게 들어갔습니다", "nested more than 64 levels deep"),
        "json.ends": ("값이 없습니다: 파일이 여기서 끝납니다", "a value is missing: the file ends here"),
        "json.value": (
            "값(\"큰따옴표\" 문자열, 숫자, 객체, 목록, true, false, null)이 와야 하는데 {1}이(가) 있습니다",
            "expected a value (a string in \"double quotes\", a number, an object, a list, true, false or null), found {1}"
        ),
        "json.word": ("{1}이(가) 와야 하는데 {2}이(가) 있습니다", "expected {1}, found {2}"),
        "json.digits": ("숫자에 숫자가 없습니다", "a number needs digits"),
        "json.zero": ("숫자는 0으로 시작할 수 없습니다", "a number may not start with 0"),
        "json.point": ("소수점 뒤에 숫자가 있어야 합니다", "digits must follow the decimal point"),
        "json.exponent": ("지수 뒤에 숫자가 있어야 합니다", "digits must follow the exponent"),
        "json.stringLine": ("문자열이 줄 끝 전에 닫히지 않았습니다", "a string is not closed before the end of the line"),
        "json.control": ("문자열 안에 제어 문자가 있습니다", "a control character inside a string"),
        "json.hex": ("\\u 뒤에는 16진수 네 자리가 와야 합니다", "\\u needs four hex digits"),
        "json.escape": ("모르는 이스케이프 \\{1}", "unknown escape \\{1}"),
        "json.string": ("문자열이 닫히지 않았습니다", "a string is not closed"),
        "json.object": ("객체가 }로 닫히지 않았습니다", "an object is not closed with }"),
        "json.commaObject": ("} 앞에 쉼표가 있습니다 (마지막 쉼표를 지우세요)", "a comma before } (remove the last comma)"),
        "json.key": ("\"큰따옴표\" 안의 키가 와야 하는데 {1}이(가) 있습니다", "expected a key in \"double quotes\", found {1}"),
        "json.colon": ("키 \"{1}\" 뒤에 ':'이 와야 하는데 {2}이(가) 있습니다", "expected ':' after the key \"{1}\", found {2}"),
        "json.afterValue": ("\"{1}\"의 값 뒤에 ','나 '}'가 와야 하는데 {2}이(가) 있습니다", "expected ',' or '}' after the value of \"{1}\", found {2}"),
        "json.commaList": ("] 앞에 쉼표가 있습니다 (마지막 쉼표를 지우세요)", "a comma before ] (remove the last comma)"),
        "json.list": ("목록이 ]로 닫히지 않았습니다", "a list is not closed with ]"),
        "json.inList": ("목록 안에 ','나 ']'가 와야 하는데 {1}이(가) 있습니다", "expected ',' or ']' in a list, found {1}"),
        "config.schedule": (
            "'{1}'은(는) cron 줄이 아닙니다; 분 시 일 월 요일 다섯 칸으로 쓰세요 (예: \"*/30 * * * *\", \"0 9 * * 1\")",
            "'{1}' is not a cron line; write five fields, minute hour day month weekday (e.g. \"*/30 * * * *\", \"0 9 * * 1\")"
        ),
        "config.every": ("'{1}'은(는) 간격이 아닙니다; 30m, 6h, 1d처럼 쓰세요 (1분 이상)", "'{1}' is not an interval; write 30m, 6h or 1d (at least a minute)"),
        "config.scheduleAndEvery": ("schedule과 every 가운데 하나만 쓰세요", "give schedule or every, not both"),
        "config.knownHere": ("; 여기 쓸 수 있는 키: {1}", "; known here: {1}"),
        // Groups kept in the ledger (hoebi config import).
        "config.storedPath": ("저장소의 모임 {1}", "the ledger's group {1}"),
        "config.storedUnreadable": (
            "저장소에 있는 모임 '{1}'의 설정을 읽을 수 없습니다; hoebi config import로 다시 넣으세요",
            "the ledger's configuration of group '{1}' cannot be read; put it in again with hoebi config import"
        ),
        "config.shadowed": (
            "모임 '{1}'은(는) 저장소의 설정이 쓰입니다 ({2}에 적힌 것과 다릅니다): hoebi config export로 보고, {2}에서는 지우세요",
            "group '{1}' is configured by the ledger's copy, which differs from the one in {2}: see it with hoebi config export, and remove it from {2}"
        ),
        "config.storedConflict": (
            "'{1}'의 설정을 그사이 다른 사람이 바꿨습니다; 새로 읽고 다시 하세요 (아무것도 쓰지 않았습니다)",
            "someone else changed the configuration of '{1}' meanwhile; read it again and retry (nothing was written)"
        ),
        "config.storedSaved": (" (저장소의 설정, 판 {1})", " (kept in the ledger, revision {1})"),
        "config.accountByOperator": (
            "모임의 계좌는 모든 모임을 보는 운영자만 바꿀 수 있습니다 (아무것도 쓰지 않았습니다)",
            "only the operator, who sees every group, may change a group's account (nothing was written)"
        ),
        "config.nothingToImport": ("{1}에 넣을 모임이 없습니다", "{1} has no group to import"),
        "config.imported.added": ("{1} ({2}): 저장소에 넣었습니다 (판 {3})", "{1} ({2}): put in the ledger (revision {3})"),
        "config.imported.changed": ("{1} ({2}): 저장소의 설정을 바꿨습니다 (판 {3})", "{1} ({2}): the ledger's configuration replaced (revision {3})"),
        "config.imported.same": ("{1} ({2}): 저장소의 것과 같습니다 (판 {3})", "{1} ({2}): the same as the ledger's (revision {3})"),
        "config.removedFromFile": (
            "{1}에서 그 모임들을 지웠습니다 (전 파일은 {1}.bak); 이제 저장소의 설정이 쓰입니다",
            "removed those groups from {1} (the old file is {1}.bak); the ledger's configuration is in force"
        ),
        "config.exported": ("{1}에 모임 {2}개의 설정을 썼습니다", "wrote the configuration of {2} group(s) to {1}"),
        "config.notStored": (
            "모임 '{1}'은(는) 저장소에 없습니다 (hoebi config export로 있는 설정을 봅니다)", "group '{1}' is not kept in the ledger (see what is with hoebi config export)"
        ),
        "config.removed": (
            "{1}의 설정을 저장소에서 지웠습니다; 장부는 그대로이고, 이 모임은 이제 설정에 없습니다",
            "removed {1}'s configuration from the ledger; its ledger stays, and the group is no longer configured"
        ),
        "config.removedBackToFile": (
            "{1}의 설정을 저장소에서 지웠습니다; 이제 {2}에 적힌 설정이 쓰입니다",
            "removed {1}'s configuration from the ledger; the one written in {2} is in force again"
        ),
        "help.config": (
            "모임 설정을 장부(저장소)에 두고 꺼냅니다: 여러 모임을 맡는 서비스에서 웹·API로 고칠 수 있게.",
            "Keep groups' configurations in the ledger, and take them out again: for a service hosting many clubs, editable from the web and the API."
        ),
        "help.config.discussion": (
            #"""
            예: hoebi config import --remove-from-file      (hoebi.json의 모임들을 저장소로 옮김)
                hoebi config import --from 새모임.json        (다른 파일의 모임을 더함)
                hoebi config export --output 백업.json        (지금 쓰이는 설정 전체를 hoebi.json 모양으로)
            같은 모임이 양쪽에 있으면 저장소의 것이 쓰입니다. 저장소의 모임은 hoebi member·group·dues·household
            명령, 대시보드, API로 고치고, 고칠 때마다 판(revision)이 올라 동시에 고친 것을 덮어쓰지 않습니다.
            """#,
            #"""
            Examples: hoebi config import --remove-from-file   (moves hoebi.json's groups into the ledger)
                      hoebi config import --from new-club.json   (adds another file's groups)
                      hoebi config export --output backup.json   (everything in force, shaped as hoebi.json)
            A group in both places is configured by the ledger's copy. Stored groups are edited with hoebi
            member, group, dues and household, on the dashboard and through the API; every write raises the
            revision, so two editors never overwrite each other.
            """#
        ),
        "help.config.import": (
            "설정 파일의 모임들을 저장소에 넣습니다 (모두 검사한 뒤에만 씀).", "Put a configuration file's groups into the ledger (all checked before anything is written)."
        ),
        "help.config.export": (
            "지금 쓰이는 설정(파일과 저장소의 모임)을 hoebi.json 모양으로 씁니다.", "Write the configuration in force (the file's and the ledger's groups) as one hoebi.json."
        ),
        "help.config.remove": ("모임 설정을 저장소에서 지웁니다 (장부는 그대로).", "Remove a group's configuration from the ledger (its ledger stays).")
    ]
}
