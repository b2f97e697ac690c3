#!/usr/bin/env python3
"""Writes test fixtures with tools independent of Hoebi's own code (Python's zipfile and csv, and
msoffcrypto-tool from PyPI for encryption): statements in every supported bank layout carrying the
same transactions, password-protected copies, and bad files.
Run from the repository root: pip install msoffcrypto-tool && python3 scripts/make-fixtures.py"""
import csv, io, os, zipfile

OUT = "Tests/HoebiImportTests/Fixtures"

HEADER = ["거래일시", "구분", "거래금액", "거래 후 잔액", "거래구분", "내용", "메모"]
ROWS = [
    ["2026.01.03 09:10:05", "입금", "30,000", "30,000", "일반입금", "홍길동1월회비", ""],
    ["2026.01.05 20:00:00", "입금", "90,000", "120,000", "일반입금", "김솔", ""],
    ["2026.01.07 12:00:00", "입금", "25,000", "145,000", "오픈뱅킹", "이서연", "메모 있음"],
    ["2026.01.07 12:00:00", "입금", "25,000", "170,000", "오픈뱅킹", "이서연", ""],
    ["2026.01.15 13:00:00", "출금", "-120,000", "50,000", "일반이체", "북한산대피소", ""],
    ["2026.01.31 03:00:00", "입금", "1,237", "51,237", "예금이자", "결산이자", ""],
]

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

class Num:
    """A number cell whose XML text is given exactly (Apache POI writes Java doubles: 1.0221404E7)."""
    def __init__(self, text):
        self.text = text

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def xlsx(path, rows, sheet="카카오뱅크 거래내역", min_size=0):
    strings, index = [], {}
    def sid(s):
        if s not in index:
            index[s] = len(strings); strings.append(s)
        return index[s]
    body = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            if v == "":
                continue  # empty cells are absent, as Excel writes them
            ref = f"{col(c)}{r}"
            if isinstance(v, Num):
                cells.append(f'<c r="{ref}"><v>{v.text}</v></c>')   # a number cell written as given
            elif isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            else:
                cells.append(f'<c r="{ref}" t="s"><v>{sid(str(v))}</v></c>')
        body.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                 + "".join(body) + "</sheetData></worksheet>")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
           + "".join(f"<si><t>{esc(s)}</t></si>" for s in strings) + "</sst>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        # The sheet deliberately lives at sheet2.xml: the reader must follow the relationships.
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{esc(sheet)}" sheetId="1" r:id="rId7"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet2.xml", sheet_xml)
        z.writestr("xl/sharedStrings.xml", sst)
        # A zip comment pads small files: msoffcrypto-tool 6.1.0 writes an EncryptedPackage smaller
        # than the 4096-byte mini-stream cutoff into the wrong kind of OLE stream.
        if min_size:
            z.comment = b"hoebi fixture " + b"." * max(0, min_size)

def kakao_rows(data):
    title = [[], ["", "카카오뱅크 거래내역"], [], ["", "성명", "홍길동"], ["", "계좌번호", "3333-01-*****67"],
             ["", "조회기간", "2026.01.01 ~ 2026.01.31"], [], ["", "※ 금액앞에 '-' 표시는 출금 금액입니다."], [], []]
    return title + [[""] + HEADER] + [[""] + r for r in data]

# ---- one set of transactions in every bank's documented layout (prior-art.md §5) ----
# (Seoul time, signed amount, balance after, depositor text, bank's type)
CANON = [
    ("2026-01-03 09:10:05", 30000, 30000, "홍길동1월회비", "일반입금"),
    ("2026-01-05 20:00:00", 90000, 120000, "김솔", "일반입금"),
    ("2026-01-15 13:00:00", -120000, 0, "북한산대피소", "일반이체"),
    ("2026-01-20 08:30:00", 35000, 35000, "이서연(1월회비)", "타행이체"),
    ("2026-01-31 03:00:00", 1237, 36237, "결산이자", "예금이자"),
]

def won(v):
    return f"{v:,}"

def dots(t):          # 2026.01.03 09:10:05
    return t.replace("-", ".")

def serial(t):        # Excel date serial (days since 1899-12-30), as Excel stores dates
    import datetime as dt
    d = dt.datetime.strptime(t, "%Y-%m-%d %H:%M:%S") - dt.datetime(1899, 12, 30)
    return round(d.days + d.seconds / 86400, 10)

def title_block(title, width=1):
    pad = [""] * width
    return [pad + [title], [], pad + ["계좌번호", "3333-01-*****67"], pad + ["조회기간", "2026.01.01 ~ 2026.01.31"], []]

def bank_fixtures():
    # Toss Bank: column A empty; signed amounts; 거래 유형 입금/출금.
    toss_header = ["거래 일시", "적요", "거래 유형", "거래 기관", "계좌번호", "거래 금액", "거래 후 잔액", "메모"]
    toss = [["", dots(t), text, "입금" if a > 0 else "출금", "카카오뱅크", "3333-**-****567", won(a), won(b), ""] for t, a, b, text, _ in CANON]
    xlsx(f"{OUT}/toss.xlsx", title_block("토스뱅크 거래내역", 1) + [[], ["", "※ 안내"], [""] + toss_header] + toss, sheet="거래내역", min_size=4096)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for r in title_block("토스뱅크 거래내역", 1) + [[""] + toss_header] + toss:
        w.writerow(r)
    with open(f"{OUT}/toss.csv", "w", encoding="utf-8-sig") as f:
        f.write(buf.getvalue())
    # KB국민, personal layout: split 출금액/입금액, depositor in 보낸분/받는분, amounts as numbers.
    kb = [[dots(t), kind, text, "", -a if a < 0 else 0, a if a > 0 else 0, b, "인터넷"] for t, a, b, text, kind in CANON]
    xlsx(f"{OUT}/kb-personal.xlsx", title_block("KB국민은행 거래내역조회", 0)
         + [["거래일시", "적요", "보낸분/받는분", "송금메모", "출금액", "입금액", "잔액", "처리점"]] + kb, sheet="거래내역")
    # KB국민, business (new) layout: 내 통장 표시 carries the depositor text; (원) units on amounts.
    kbb = [[dots(t), "홍길동" if a > 0 else "", kind, text, won(a) if a > 0 else "", won(-a) if a < 0 else "", won(b)] for t, a, b, text, kind in CANON]
    xlsx(f"{OUT}/kb-business.xlsx", title_block("기업 거래내역", 0)
         + [["거래일시", "보낸분/받는분", "적요", "내 통장 표시", "입금액(원)", "출금액(원)", "잔액(원)"]] + kbb)
    # 신한: Excel serial dates with a separate serial time column, and a trailing 합계 row.
    sh = []
    for t, a, b, text, kind in CANON:
        day = int(serial(t)); frac = round(serial(t) - day, 10)
        sh.append([day, frac, kind, -a if a < 0 else "", a if a > 0 else "", text, b, "본점"])
    xlsx(f"{OUT}/shinhan.xlsx", title_block("신한은행 거래내역", 0)
         + [["거래일자", "거래시간", "적요", "출금(원)", "입금(원)", "내용", "잔액", "거래점"]] + sh
         + [["합계", "", "", 120000, 156237, "", "", ""]])
    # 신한 "거래내역조회" variant: 번호, 보낸분/받는분, 출금액/입금액; no balance column.
    sh2 = [[i + 1, dots(t), text, won(-a) if a < 0 else "0", won(a) if a > 0 else "0"] for i, (t, a, b, text, _) in enumerate(CANON)]
    xlsx(f"{OUT}/shinhan-inquiry.xlsx", [["신한은행 거래내역조회"], []] + [["번호", "거래일시", "보낸분/받는분", "출금액", "입금액"]] + sh2
         + [["합계", "", "", "120,000", "156,237"]])
    # NH농협 variant A: deposits only, 9 rows above the header, date without time.
    nha = [[t[:10].replace("-", "/"), won(a), text, "농협"] for t, a, b, text, _ in CANON if a > 0]
    xlsx(f"{OUT}/nh-deposits.xlsx", [["NH농협 입금내역"]] + [[]] * 8 + [["거래일자", "입금금액(원)", "거래기록사항", "거래점"]] + nha)
    # NH농협 variant B: date and time in two columns, 거래내용 is the type, 거래기록사항 the depositor.
    nhb = [[i + 1, t[:10], won(-a) if a < 0 else "0", won(a) if a > 0 else "0", won(b), kind, text, "농협", t[11:], ""]
           for i, (t, a, b, text, kind) in enumerate(CANON)]
    xlsx(f"{OUT}/nh.xlsx", title_block("거래내역조회", 0)
         + [["구분/번호", "거래일자", "출금금액(원)", "입금금액(원)", "거래 후 잔액(원)", "거래내용", "거래기록사항", "거래점", "거래시간", "이체메모"]] + nhb)
    # 하나: 의뢰인/수취인 is the depositor.
    hana = [[dots(t), kind, text, won(a) if a > 0 else "", won(-a) if a < 0 else "", won(b), "", "본점", ""] for t, a, b, text, kind in CANON]
    xlsx(f"{OUT}/hana.xlsx", title_block("하나은행 거래내역", 0)
         + [["거래일시", "적요", "의뢰인/수취인", "입금", "출금", "거래후잔액", "구분", "거래점", "비고"]] + hana)
    # 우리 최근거래내역조회: title in row 1, header in row 4, newest first; as CP949 CSV too.
    woori_header = ["No.", "거래일시", "적요", "기재내용", "지급(원)", "입금(원)", "거래후 잔액(원)", "취급점", "메모", "수표·어음·증권금액(원)"]
    woori = [[len(CANON) - i, dots(t), kind, text, won(-a) if a < 0 else "0", won(a) if a > 0 else "0", won(b), "인터넷", "", "0"]
             for i, (t, a, b, text, kind) in enumerate(reversed(CANON))]
    xlsx(f"{OUT}/woori.xlsx", [["최근거래내역조회"], ["계좌번호", "1002-***-123456"], []] + [woori_header] + woori)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    for r in [["최근거래내역조회"], [], []] + [woori_header] + woori:
        w.writerow(r)
    with open(f"{OUT}/woori-cp949.csv", "wb") as f:
        f.write(buf.getvalue().encode("cp949"))
    # The same statement as KakaoBank, for the cross-format comparison.
    kakao = [[dots(t), "입금" if a > 0 else "출금", won(a), won(b), kind, text, ""] for t, a, b, text, kind in CANON]
    xlsx(f"{OUT}/kakaobank-canon.xlsx", kakao_rows(kakao), min_size=4096)

def encrypted_fixtures():
    """Password-protected copies, encrypted by msoffcrypto-tool (agile encryption: SHA-512, AES-256-CBC),
    and copies whose EncryptionInfo version is patched to the schemes Hoebi does not support."""
    import msoffcrypto
    import msoffcrypto.format.ooxml
    for name, password in [("kakaobank-canon", "123456"), ("toss", "990101")]:
        with open(f"{OUT}/{name}.xlsx", "rb") as src, open(f"{OUT}/{name}-encrypted.xlsx", "wb") as dst:
            msoffcrypto.format.ooxml.OOXMLFile(src).encrypt(password, dst)
        # The independent tool must read back what it wrote.
        check = msoffcrypto.OfficeFile(open(f"{OUT}/{name}-encrypted.xlsx", "rb"))
        check.load_key(password=password)
        out = io.BytesIO()
        check.decrypt(out)
        with open(f"{OUT}/{name}.xlsx", "rb") as src:
            assert out.getvalue() == src.read(), f"{name}: msoffcrypto round trip differs"
    with open(f"{OUT}/toss-encrypted.xlsx", "rb") as f:
        data = bytearray(f.read())
    agile = bytes([4, 0, 4, 0, 0x40, 0, 0, 0])
    at = data.find(agile)
    assert at > 0, "EncryptionInfo header not found"
    # (Standard encryption is real now: toss-standard-encrypted.xlsx, written by Apache POI.)
    for name, version in [("rc4-encrypted", bytes([1, 0, 1, 0, 0, 0, 0, 0]))]:
        patched = bytearray(data)
        patched[at:at + 8] = version
        with open(f"{OUT}/{name}.xlsx", "wb") as f:
            f.write(patched)

def java_double(v):
    """Java's Double.toString for a whole number, as POI writes numeric cells."""
    if v != 0 and (abs(v) >= 10**7):
        digits = str(abs(v)).rstrip("0") or "0"
        exp = len(str(abs(v))) - 1
        mant = digits[0] + "." + (digits[1:] or "0")
        return ("-" if v < 0 else "") + f"{mant}E{exp}"
    return f"{v}.0"

def real_export_fixtures():
    """Layouts as the banks' real exports have them (prior-art.md §5b), written by independent tools:
    Python for xlsx/HTML, Apache POI (Debian's libapache-poi-java) for Standard encryption and BIFF8,
    xlwt (PyPI) for BIFF8 with RK/MULRK numbers and the 1904 date system."""
    import subprocess, xlwt
    # Toss: title block, header row 9, newest first, amounts as Java doubles, 거래 유형 incl. 이자입금.
    toss = [["", "토스뱅크 거래내역"], ["", "성명", "홍길동"], ["", "계좌번호", "1000-1234-5678"], ["", "조회기간", "2026.01.01 ~ 2026.03.31"],
            [], ["", "※ 거래 금액 앞의 '-'는 출금입니다."], [], [],
            ["", "거래 일시", "적요", "거래 유형", "거래 기관", "계좌번호", "거래 금액", "거래 후 잔액", "메모"]]
    for t, text, kind, org, amount, balance, memo in [
            ("2026.03.31 03:00:00", "이자", "이자입금", "토스뱅크", 1237, 20291404, ""),
            ("2026.03.20 10:00:00", "북한산대피소", "출금", "신한은행", -10000000, 20290167, "대관"),
            ("2026.03.05 09:00:00", "김솔", "입금", "국민은행", 10221404, 30290167, ""),
            ("2026.02.03 20:32:16", "이서연", "입금", "카카오뱅크", 30000, 20068763, "2월"),
            ("2026.01.05 10:00:00", "홍길동", "입금", "토스뱅크", 30000, 20038763, "")]:
        toss.append(["", t, text, kind, org, "", Num(java_double(amount)), Num(java_double(balance)), memo])
    xlsx(f"{OUT}/toss-poi.xlsx", toss, sheet="토스뱅크 거래내역")
    jars = ":".join(f"/usr/share/java/{j}.jar" for j in ["poi", "commons-codec", "commons-collections4", "commons-math3"])
    subprocess.run(["java", "-cp", jars, "scripts/fixtures/PoiFixtures.java", OUT, f"{OUT}/toss-poi.xlsx"], check=True)
    # The same rows again in BIFF8 by xlwt: numbers as RK/MULRK, dates as real dates in the 1904 system,
    # under 우리's older labels.
    wb = xlwt.Workbook(encoding="utf-8")
    wb.dates_1904 = True
    ws = wb.add_sheet("거래내역조회")
    date_style = xlwt.easyxf(num_format_str="yyyy.mm.dd hh:mm")
    ws.write(0, 0, "거래내역조회")
    for c, h in enumerate(["거래일시", "적요", "기재내용", "찾으신금액", "맡기신금액", "거래후 잔액"]):
        ws.write(2, c, h)
    import datetime
    for r, (t, kind, text, out_, in_, bal) in enumerate([
            (datetime.datetime(2026, 1, 5, 10, 0), "인터넷", "홍길동", 0, 30000, 30000),
            (datetime.datetime(2026, 1, 6, 11, 30), "모바일", "이서연1월", 0, 30000, 60000),
            (datetime.datetime(2026, 1, 20, 9, 15), "타행이체", "북한산대피소", 45000, 0, 15000)], start=3):
        ws.write(r, 0, t, date_style)
        for c, v in enumerate([kind, text], start=1):
            ws.write(r, c, v)
        for c, v in enumerate([out_, in_, bal], start=3):
            ws.write(r, c, v)
    wb.save(f"{OUT}/woori-old-1904.xls")
    # 600 distinct Korean depositor texts: the shared-string table outgrows one record (8,224 bytes)
    # and continues in CONTINUE records, some strings split across the boundary.
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("거래내역")
    for c, h in enumerate(["거래일시", "적요", "기재내용", "지급(원)", "입금(원)", "거래후 잔액(원)"]):
        ws.write(0, c, h)
    for i in range(600):
        ws.write(i + 1, 0, f"2026.01.{1 + i // 24:02d} {i % 24:02d}:00:00")
        ws.write(i + 1, 1, "모바일")
        ws.write(i + 1, 2, f"회원{i:03d}번 홍길동님의 {i}번째 회비 입금")
        ws.write(i + 1, 3, 0)
        ws.write(i + 1, 4, 10000 + i)
        ws.write(i + 1, 5, sum(10000 + k for k in range(i + 1)))
    wb.save(f"{OUT}/woori-long-sst.xls")
    # KB국민 personal "엑셀 저장": an HTML table with an .xls name, a meta table above, U+3000 in 구분,
    # newest first, a 합계 footer.
    rows = [("2026.01.31 21:02:45", "전자금융", "이서연", "1월 회비", "", "30,000", "75,000", "인터넷", "\u3000"),
            ("2026.01.20 09:15:00", "타행이체", "북한산대피소", "", "45,000", "", "45,000", "인터넷", "\u3000"),
            ("2026.01.05 10:00:00", "전자금융", "홍길동", "", "", "90,000", "90,000", "스마트폰", "\u3000")]
    html = ['<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>',
            '<table border=1><tr><td>조회기간</td><td>2026.01.01 ~ 2026.01.31</td></tr><tr><td>계좌번호</td><td>123456-01-234567</td></tr>',
            '<tr><td>총잔액</td><td>75,000</td></tr><tr><td>예금종류</td><td>KB국민ONE통장</td></tr></table><br>',
            '<table border=1><tr><th>거래일시</th><th>적요</th><th>보낸분/받는분</th><th>송금메모</th><th>출금액</th><th>입금액</th><th>잔액</th><th>거래점</th><th>구분</th></tr>']
    for r in rows:
        html.append("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>")
    html.append('<tr><td colspan="4">합계</td><td>=sum(E2:E4)</td><td>=sum(F2:F4)</td><td></td><td></td><td></td></tr></table></body></html>')
    with open(f"{OUT}/kb-personal-html.xls", "w", encoding="utf-8") as f:
        f.write("\n".join(html))
    # IBK기업 (기업뱅킹): title, account row, header row 3 with an unlabeled row-number column; all text.
    ibk_header = ["", "거래일시", "출금", "입금", "거래후 잔액", "거래내용", "상대계좌번호", "상대은행", "메모", "거래구분", "수표어음금액", "CMS코드", "상대계좌예금주명"]
    xlsx(f"{OUT}/ibk.xlsx", [["거래내역조회"], ["계좌번호", "123-456789-01-012"], ibk_header,
        ["1", "2026-08-11 09:08:46", "0", "30,000", "30,000", "타행입금", "3333-01-111", "카카오뱅크", "", "입금", "0", "", "홍길동"],
        ["2", "2026-08-12 10:00:00", "0", "30,000", "60,000", "이서연8월", "110-22-333", "신한은행", "", "입금", "0", "", "이서연"],
        ["3", "2026-08-13 18:00:00", "50,000", "0", "10,000", "회식비", "", "", "", "출금", "0", "", ""]], sheet="거래내역")
    # 전북 예금거래내역조회: column A empty, separate date and time columns.
    xlsx(f"{OUT}/jeonbuk.xlsx", [["", "예금거래내역조회"], ["", "조회기준일시", "2026.02.01 10:00:00"], ["", "계좌번호", "1021-01-1234567"], [],
        ["", "거래일자", "거래시간", "출금금액", "입금금액", "거래후잔액", "적요", "취급은행(지점)"],
        ["", "2026.01.05", "10:00:00", "0", "30,000", "30,000", "홍길동", "전북(본점)"],
        ["", "2026.01.06", "11:30:00", "0", "30,000", "60,000", "이서연", "전북(본점)"],
        ["", "2026.01.20", "09:15:00", "45,000", "0", "15,000", "북한산대피소", "전북(본점)"]], sheet="예금거래내역조회")

def round_three_fixtures():
    """Issue 22's phenomena, by openpyxl, xlwt and Python's csv: IBK's merged title cell holding the
    account number with the holder's name and balance; NH's BIFF8 with a text 거래일자 and Excel
    time-of-day fractions in 거래시간; a Toss CSV whose rows share seconds (newest first) and leave
    some balances blank."""
    import openpyxl, xlwt
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "거래내역조회_입출식 예금"
    ws["A1"] = ("계좌번호:048-123456-01-019 (보통예금(IBK평생한가족통장))      조회기준일:2026.08.31\n"
                "예금주명:홍길동      예금종류:보통예금      현재잔액:1,234,567원      출금가능금액:1,234,567원\n"
                "조회기간:2026.08.01 ~ 2026.08.31")
    ws.merge_cells("A1:L2")
    header = ["", "거래일시", "출금", "입금", "거래후 잔액", "거래내용", "상대계좌번호", "상대은행", "메모", "거래구분", "수표어음금액", "CMS코드"]
    ws.append([])
    ws.append(header)
    for r in [["1", "2026-08-11 09:08:46", "0", "30,000", "1,204,567", "김서연", "3333-01-111", "카카오뱅크", "", "입금", "0", ""],
              ["2", "2026-08-12 10:00:00", "0", "30,000", "1,234,567", "이민호8월", "110-22-333", "신한은행", "", "입금", "0", ""]]:
        ws.append(r)
    wb.save(f"{OUT}/ibk-merged.xlsx")
    # NH BIFF8: 거래일자 as text, 거래시간 as a number (the fraction of a day Excel keeps).
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("거래내역")
    ws.write(0, 0, "NH농협 거래내역조회")
    for c, h in enumerate(["거래일자", "거래시간", "출금금액", "입금금액", "거래 후 잔액", "거래내용", "거래기록사항", "이체메모"]):
        ws.write(2, c, h)
    for r, (day, secs, out_, in_, bal, kind, text) in enumerate([
            ("2012.08.16", 15 * 3600 + 42 * 60 + 42, 0, 30000, 30000, "인터넷", "홍길동"),
            ("2012.08.17", 9 * 3600 + 5 * 60 + 59.6, 0, 30000, 60000, "모바일", "이서연"),   # 09:06:00 once rounded
            ("2012.08.20", 23 * 3600 + 59 * 60 + 59, 45000, 0, 15000, "타행이체", "북한산대피소")], start=3):
        for c, v in enumerate([day, secs / 86400, out_, in_, bal, kind, text, ""]):
            ws.write(r, c, v)
    wb.save(f"{OUT}/nh-time-fraction.xls")
    # The other way round (openpyxl): 거래일자 a real date cell (a serial number in the file),
    # 거래시간 text.
    import datetime
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "거래내역"
    ws.append(["NH농협 거래내역조회"])
    ws.append([])
    ws.append(["거래일자", "거래시간", "출금금액", "입금금액", "거래 후 잔액", "거래내용", "거래기록사항", "이체메모"])
    for day, time, out_, in_, bal, text in [(datetime.date(2012, 8, 16), "15:42:42", 0, 30000, 30000, "홍길동"),
                                             (datetime.date(2012, 8, 17), "09:06:00", 0, 30000, 60000, "이서연")]:
        ws.append([day, time, out_, in_, bal, "인터넷", text, ""])
        ws.cell(row=ws.max_row, column=1).number_format = "yyyy.mm.dd"
    wb.save(f"{OUT}/nh-serial-date.xlsx")
    # Toss CSV, newest first: within one second a top-up, a card payment and its cashback; two
    # rows without a balance. The chain holds when the rows are put in the order that fits.
    rows = []   # oldest first, then written reversed
    balance = 100000
    def add(t, text, kind, amount, blank=False):
        nonlocal_balance[0] += amount
        rows.append([t, text, kind, "토스뱅크", "", f"{amount:,}", "" if blank else f"{nonlocal_balance[0]:,}", ""])
    nonlocal_balance = [balance]
    add("2026.03.01 09:00:00", "홍길동", "입금", 30000)
    for day in range(2, 9):
        t = f"2026.03.{day:02d} 12:30:15"
        add(t, "자동충전", "자동충전 입금", 10000)
        add(t, "GS25 역삼점", "체크카드결제", -4500)
        add(t, "토스뱅크", "프로모션입금", 100)
    # A card payment, its cancellation and a cashback in one second: −4,500 and +100 both fit the
    # balance before them; only the payment first lets the other two follow.
    t = "2026.03.09 18:20:01"
    add(t, "CU 강남점", "체크카드결제", -4500)
    add(t, "CU 강남점", "체크카드결제", 4500)
    add(t, "토스뱅크", "프로모션입금", 100)
    add("2026.03.10 08:00:00", "토스뱅크", "프로모션입금", 300, blank=True)
    add("2026.03.10 09:00:00", "이서연", "입금", 30000)
    add("2026.03.11 10:00:00", "토스뱅크", "프로모션입금", 500, blank=True)
    add("2026.03.11 10:00:00", "김솔", "입금", 15000)
    with open(f"{OUT}/toss-ties.csv", "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["", "토스뱅크 거래내역"]); w.writerow([]); w.writerow(["", "계좌번호", "3333-01-*****67"]); w.writerow([])
        w.writerow(["", "거래 일시", "적요", "거래 유형", "거래 기관", "계좌번호", "거래 금액", "거래 후 잔액", "메모"])
        for r in reversed(rows):
            w.writerow([""] + r)

def main():
    os.makedirs(OUT, exist_ok=True)
    round_three_fixtures()
    xlsx(f"{OUT}/kakaobank.xlsx", kakao_rows(ROWS))
    # Overlaps kakaobank.xlsx (its last three rows) and adds one February row.
    feb = ["2026.02.03 09:00:00", "입금", "30,000", "81,237", "일반입금", "홍길동2월회비", ""]
    xlsx(f"{OUT}/kakaobank-overlap.xlsx", kakao_rows(ROWS[3:] + [feb]))
    bad = [r[:] for r in ROWS]
    bad[2][2] = "25,OOO"
    xlsx(f"{OUT}/kakaobank-bad-amount.xlsx", kakao_rows(bad))
    xlsx(f"{OUT}/no-header.xlsx", [["", "월간 보고서"], ["", "이름", "금액"], ["", "홍길동", "30000"]], sheet="보고서")
    with open(f"{OUT}/kakaobank.xlsx", "rb") as f:
        data = f.read()
    with open(f"{OUT}/truncated.xlsx", "wb") as f:
        f.write(data[: len(data) // 2])
    # The same workbook with one stray end tag inside row 14 of its sheet, the XML damage a
    # hand-edited or badly repaired file carries; the error must name that row.
    with zipfile.ZipFile(f"{OUT}/kakaobank.xlsx") as src, zipfile.ZipFile(f"{OUT}/broken-row.xlsx", "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            part = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                part = part.replace(b'<c r="C14"', b'</v><c r="C14"', 1)
            dst.writestr(item, part)
    # Generic CSV in CP949, as Korean Excel saves it; quoted amounts with thousands separators.
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["date", "time", "deposit", "withdrawal", "balance", "kind", "text", "memo"])
    w.writerow(["2026-01-03", "09:10:05", "30,000", "", "30,000", "일반입금", "홍길동1월회비", ""])
    w.writerow(["2026-01-04", "10:00:00", "30,000", "", "60,000", "일반입금", "똠얌꿍 햏", "확장 한글"])
    w.writerow(["2026-01-15", "13:00:00", "", "120,000", "-60,000", "일반이체", "북한산대피소", ""])
    w.writerow(["합계", "", "60,000", "120,000", "", "", "", ""])
    with open(f"{OUT}/generic-cp949.csv", "wb") as f:
        f.write(buf.getvalue().encode("cp949"))
    bank_fixtures()
    encrypted_fixtures()
    real_export_fixtures()

if __name__ == "__main__":
    import sys
    # `real`: only the real-export layouts (needs java with libapache-poi-java, and xlwt);
    # `round3`: only issue 22's (openpyxl and xlwt).
    if sys.argv[1:] == ["real"]:
        real_export_fixtures()
    elif sys.argv[1:] == ["round3"]:
        round_three_fixtures()
    else:
        main()
