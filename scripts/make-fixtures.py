#!/usr/bin/env python3
"""Writes test fixtures with tools independent of Hoebi's own code (Python's zipfile and csv):
a KakaoBank-layout .xlsx using shared strings (as Excel writes them), a CP949 CSV, and bad files.
Run from the repository root: python3 scripts/make-fixtures.py"""
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

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def xlsx(path, rows, sheet="카카오뱅크 거래내역", numeric_amounts=False):
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
            if numeric_amounts and isinstance(v, (int, float)):
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

def kakao_rows(data):
    title = [[], ["", "카카오뱅크 거래내역"], [], ["", "성명", "홍길동"], ["", "계좌번호", "3333-01-*****67"],
             ["", "조회기간", "2026.01.01 ~ 2026.01.31"], [], ["", "※ 금액앞에 '-' 표시는 출금 금액입니다."], [], []]
    return title + [[""] + HEADER] + [[""] + r for r in data]

def main():
    os.makedirs(OUT, exist_ok=True)
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

if __name__ == "__main__":
    main()
