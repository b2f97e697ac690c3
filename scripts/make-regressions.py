#!/usr/bin/env python3
"""Writes the fuzz target's regression inputs: each input that once crashed Hoebi, exhausted its
memory or was accepted wrongly (issue 8), rebuilt with Python's zipfile and csv, independent of
Hoebi's code. HoebiFuzzTests reads each as a seed and RegressionTests checks each is refused
with a clear error. Run from the repository root: python3 scripts/make-regressions.py"""
import os, struct, zipfile, zlib

OUT = "Tests/HoebiFuzzTests/Regressions"
HEADER = ["datetime", "amount", "balance", "text"]

def csv(name, rows, header=HEADER):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        for r in [header] + rows:
            f.write(",".join(f'"{c}"' if "," in c else c for c in r) + "\r\n")

def sheet_xml(rows, raw_cells=None):
    """rows: list of lists of (ref, value, is_number); raw_cells: extra XML put into row 2 as is."""
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for ref, v, num in row:
            cells.append(f'<c r="{ref}"><v>{v}</v></c>' if num else f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>')
        if raw_cells and r == 2:
            cells.append(raw_cells)
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            + "".join(out) + "</sheetData></worksheet>")

def xlsx(name, sheet, filler=0):
    """filler: bytes of whitespace put inside <sheetData>, for the zip bomb."""
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="거래내역" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        data = sheet if isinstance(sheet, bytes) else sheet.encode("utf-8")
        if filler:
            head, tail = data.split(b"<sheetData>")
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
                f.write(head + b"<sheetData>")
                chunk = b" " * (1 << 20)
                for _ in range(filler >> 20):
                    f.write(chunk)
                f.write(tail)
        else:
            z.writestr("xl/worksheets/sheet1.xml", data)

HEAD = [("A1", "datetime", False), ("B1", "amount", False), ("C1", "balance", False), ("D1", "text", False)]

def row(n, date, amount, balance, text, date_is_number=False):
    return [(f"A{n}", date, date_is_number), (f"B{n}", amount, True), (f"C{n}", balance, True), (f"D{n}", text, False)]

os.makedirs(OUT, exist_ok=True)

# 1. Amounts and balances at Int64's limit: once stored, every later balance-chain check trapped.
csv("overflow-int64.csv", [["2026-01-05 10:00:00", "9223372036854775807", "9223372036854775807", "홍길동"],
                           ["2026-01-06 10:00:00", "1", "-9223372036854775808", "이서연"]])
# 2. Four deposits of 9e17 won: accepted one by one, the report's sums overflowed.
csv("overflow-sum.csv", [[f"2026-01-0{d} 10:00:00", "900000000000000000", "", "홍길동"] for d in range(1, 5)])
# 3. Loose amounts: `1,2` was 12 won, `30,0,00` 30,000 won.
csv("loose-comma.csv", [["2026-01-05 10:00:00", "1,2", "", "홍길동"]])
csv("loose-groups.csv", [["2026-01-05 10:00:00", "30,0,00", "", "홍길동"]])
# 4. A 14-letter cell reference overflowed the column arithmetic.
xlsx("cellref-14-letters.xlsx", sheet_xml([HEAD, row(2, "2026-01-05 10:00:00", 30000, 30000, "홍길동")],
                                          raw_cells='<c r="ABCDEFGHIJKLMN2" t="inlineStr"><is><t>x</t></is></c>'))
# 5. `ZZZZZZ2` in a 2 KB file padded a row with hundreds of millions of cells.
xlsx("cellref-wide.xlsx", sheet_xml([HEAD, row(2, "2026-01-05 10:00:00", 30000, 30000, "홍길동")],
                                    raw_cells='<c r="ZZZZZZ2" t="inlineStr"><is><t>x</t></is></c>'))
# 6. Invalid UTF-8 in an element name trapped Foundation's XML parser.
xlsx("xml-bad-utf8-name.xlsx", sheet_xml([HEAD, row(2, "2026-01-05 10:00:00", 30000, 30000, "홍길동")]).encode("utf-8")
     .replace(b"<c r=\"D2\"", b"<c\xff\xfe r=\"D2\""))
# 7. A cut date `2026051` (of 20260515) trapped as an Excel serial past the year 3000, and
#    `202605` was stored as 2454-09-16.
xlsx("date-cut-serial.xlsx", sheet_xml([HEAD, row(2, "2026051", 30000, 30000, "홍길동", date_is_number=True)]))
xlsx("date-yyyymm.xlsx", sheet_xml([HEAD, row(2, "202605", 30000, 30000, "홍길동", date_is_number=True)]))
# 8. A zip bomb: 300 MB of blanks inside the sheet, a few hundred KB on disk (read whole before).
xlsx("bomb-300mb.xlsx", sheet_xml([HEAD, row(2, "2026-01-05 10:00:00", 30000, 30000, "홍길동")]), filler=300 << 20)
# 9. A member's amount at Int64's limit: the report's sums trapped.
with open(os.path.join(OUT, "config-amount-int64.json"), "w", encoding="utf-8") as f:
    f.write('{"groups": [{"id": "g", "name": "모임", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},'
            ' "dues": {"schedule": [{"from": "2026-01", "amount": 30000}]},'
            ' "members": [{"id": "hong", "name": "홍길동", "amount": 9223372036854775807}]}]}\n')
# 9b. Not a regression: a seed for the configuration fuzz with every dues cycle in play (a quarterly
#     group, members paying yearly and monthly, cycle periods in joined/exempt/paused).
with open(os.path.join(OUT, "config-cycles.json"), "w", encoding="utf-8") as f:
    f.write('{"groups": [{"id": "q", "name": "분기 모임", "account": {"bank": "kakaobank", "number": "3333-01-1234567"},'
            ' "dues": {"cycle": "quarterly", "schedule": [{"from": "2026-Q1", "amount": 90000}, {"from": "2026-07", "amount": 99000}]},'
            ' "members": [{"id": "hong", "name": "홍길동", "cycle": "yearly", "joined": "2026-02-17"},'
            ' {"id": "kim", "name": "김솔", "cycle": "monthly", "exempt": ["2026-Q3"], "left": "2026-11"},'
            ' {"id": "lee", "name": "이서연", "paused": [{"from": "2026-H2"}], "exempt": ["2027"]}]}]}\n')
# 10. A token answer cut short: its first 80 bytes were quoted in errors and the audit trail.
with open(os.path.join(OUT, "kftc-token-truncated.json"), "w", encoding="utf-8") as f:
    f.write('{"access_token":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMTAwMDAwMDAxIiwic2NvcGUiOlsiaW5xdWlyeSJd')
# 11. A deflate stream that does not end within its entry: the damage of the fuzz target's find
#     fuzz-zip-hang.xlsx (kept as found; ZIPFoundation's reader looped for ever on it), built on purpose.
def raw_zip(name, members):
    """members: (path, data, cut) — deflated, with `cut` bytes dropped from the stream's end while
    the directory states the shortened size, so the stream never reaches its end marker."""
    body, directory = b"", b""
    for path, data, cut in members:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        stream = c.compress(data) + c.flush()
        stream = stream[:len(stream) - cut] if cut else stream
        crc, p = zlib.crc32(data), path.encode()
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(stream), len(data), len(p), 0) + p
        directory += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(stream), len(data), len(p), 0, 0, 0, 0, 0, len(body)) + p
        body += local + stream
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(body), 0)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(body + directory + end)

sheet = sheet_xml([HEAD, row(2, "2026-01-05 10:00:00", 30000, 30000, "홍길동")]).encode()
raw_zip("zip-unended-stream.xlsx", [("xl/worksheets/sheet1.xml", sheet, 0), ("xl/sharedStrings.xml", b"<sst>" + b"<si><t>x</t></si>" * 200 + b"</sst>", 12)])
# 12. Found by the fuzz target: a processing instruction without data (`<?x?>`) made Foundation's
#     XML parser read a null pointer; and a DTD with nested entities (expansion without bound).
xlsx("xml-empty-pi.xlsx", "<?x?>" + sheet_xml([HEAD, row(2, "2026-01-05 10:00:00", 30000, 30000, "홍길동")]))
laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' + \
         '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
xlsx("xml-entity-expansion.xlsx", sheet_xml([HEAD, row(2, "2026-01-05 10:00:00", 30000, 30000, "&lol3;")]).replace("<worksheet", laughs + "<worksheet", 1))
# 13. Found by fuzzing (issue 22): an agile-encrypted workbook whose keyBits no AES has made the
#     cipher library throw its own error name out of `hoebi import`. (The CSV whose 200,000 rows
#     share five time-stamps, quadratic in the balance chain, is `hoebi bench`'s ties stage.)
src = open("Tests/HoebiImportTests/Fixtures/kakaobank-canon-encrypted.xlsx", "rb").read()
open(os.path.join(OUT, "encrypted-keybits-200.xlsx"), "wb").write(src.replace(b'keyBits="256"', b'keyBits="200"', 1))
print("wrote", len(os.listdir(OUT)), "files to", OUT)
