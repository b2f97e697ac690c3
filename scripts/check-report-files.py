#!/usr/bin/env python3
"""The report files as people open them (issue 12, points 3 and 4).

The HTML report in real headless Chromium: at a phone width (390×844) and a desktop width
(1366×900), printed to A4 landscape; the xlsx workbook in LibreOffice (converted to PDF, the
first page rendered to PNG). Screenshots, PDFs and PNGs are kept in the artifacts folder.

Usage: check-report-files.py ARTIFACTS report.html masked.html report.xlsx NAME...
NAME: members' full names that must show in the report and never in the masked one.
Exits 1 with every failed check listed.
"""
import base64, os, subprocess, sys, tempfile

from selenium.webdriver.common.print_page_options import PrintOptions

from browsercheck import broken_words, browser, check, finish


def full_page_png(d, path):
    """The first screen as a person sees it, and the whole page (a phone reader scrolls)."""
    d.get_screenshot_as_file(path.replace(".png", "-screen.png"))
    shot = d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    with open(path, "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def set_viewport(d, w, h, mobile=False):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": mobile})


def html_checks(d, url, out, names, masked):
    label = "masked" if masked else "report"
    d.get(url)
    text = d.find_element("tag name", "body").text
    check("기준" in text, f"{label}: says up to when the data runs (… 기준)")
    check(all(w in text for w in ("완납", "미납", "면제", "휴회")), f"{label}: legend explains the statuses")
    check("수입" in text or "입금" in text, f"{label}: income and expense summary")
    if masked:
        leaked = [n for n in names if n in text]
        check(not leaked, f"{label}: no full member name shows ({', '.join(leaked) or 'none'})")
    else:
        missing = [n for n in names if n not in text]
        check(not missing, f"{label}: every member's name shows ({', '.join(missing) or 'all'})")

    # Phone: the page itself never scrolls sideways (the grid scrolls inside its box), names are
    # one line each.
    set_viewport(d, 390, 844, mobile=True)
    d.get(url)
    page_w = d.execute_script("return document.documentElement.scrollWidth")
    check(page_w <= 390, f"{label} @390: page is {page_w}px wide (the grid scrolls in its box)")
    broken = d.execute_script("""
        const out = [];
        for (const th of document.querySelectorAll('th.name')) {
          const r = document.createRange(); r.selectNodeContents(th);
          const lines = new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top)));
          if (lines.size > 1) out.push(th.textContent);
        }
        return out;""")
    check(not broken, f"{label} @390: no name breaks across lines ({', '.join(broken[:5]) or 'none'})")
    # Nor any number or word elsewhere (20,0 / 00), and the grid opens on its newest period.
    inside = broken_words(d)
    check(not inside, f"{label} @390: nothing wraps inside a number or a word ({', '.join(inside) or 'none'})")
    # The newest period is the last header before the three totals; it must be clear of the
    # sticky name column and inside the window.
    newest = d.execute_script("""
        const ths = document.querySelectorAll('table thead th'); const th = ths[ths.length - 4];
        const name = document.querySelector('table thead th.name').getBoundingClientRect().right;
        const r = th.getBoundingClientRect(); return [th.textContent, Math.round(r.left), Math.round(r.right), Math.round(name)];""")
    check(newest[1] >= newest[3] and newest[2] <= 390,
          f"{label} @390: the newest period ({newest[0]}) is in view without scrolling ({newest[1]}–{newest[2]}px, names end at {newest[3]}px)")
    vp = d.execute_script("return document.querySelector('meta[name=viewport]')?.content || ''")
    check("width=device-width" in vp, f"{label}: mobile viewport meta")
    full_page_png(d, os.path.join(out, f"{label}-390.png"))

    # Desktop: the whole grid fits beside the names.
    set_viewport(d, 1366, 900)
    d.get(url)
    right = d.execute_script("return Math.ceil(document.querySelector('table').getBoundingClientRect().right)")
    check(right <= 1366, f"{label} @1366: the grid ends at {right}px, inside the window")
    full_page_png(d, os.path.join(out, f"{label}-1366.png"))

    # Print: in print media at the printable width of A4 landscape (297 − 2×10 mm = 1047 px),
    # the grid fits; then the real PDF, whose first page is rendered for a person to look at.
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    set_viewport(d, 1047, 740)
    d.get(url)
    widths = d.execute_script("return Array.from(document.querySelectorAll('table')).map(t => t.scrollWidth)")
    check(max(widths) <= 1047, f"{label} print: widest table {max(widths)}px within A4 landscape's 1047px")
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    opts = PrintOptions()
    opts.orientation = "landscape"
    opts.page_width, opts.page_height = 21.0, 29.7
    opts.background = True
    opts.shrink_to_fit = False
    pdf = os.path.join(out, f"{label}-print.pdf")
    with open(pdf, "wb") as f:
        f.write(base64.b64decode(d.print_page(opts)))
    page1 = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    check("미납액" in page1, f"{label} print: the last column (미납액) is on page 1")
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", pdf, os.path.join(out, f"{label}-print")], check=True)


def xlsx_checks(xlsx, out, names):
    with tempfile.TemporaryDirectory() as profile:
        # A private profile: LibreOffice refuses to start twice on one.
        r = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                            "--outdir", out, xlsx], capture_output=True, text=True, timeout=300)
    pdf = os.path.join(out, os.path.splitext(os.path.basename(xlsx))[0] + ".pdf")
    check(r.returncode == 0 and os.path.exists(pdf), f"xlsx: LibreOffice converts it to PDF ({r.stderr.strip()[:200]})")
    if not os.path.exists(pdf):
        return
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    check("완납" in text and "미납" in text, "xlsx: statuses are in the rendered sheet")
    check(any(n in text for n in names), "xlsx: members' names are in the rendered sheet")
    check("합계" in text, "xlsx: the totals row is in the rendered sheet")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    check("미납액" in first, "xlsx: printed A4 landscape, the last columns (미납액) on the first page")
    base = os.path.join(out, "workbook")
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", pdf, base], check=True)
    # The status colours survive: the rendered page holds the paid fill (#D9F2D9) and the unpaid
    # one (#F8D7DA). Read from a PPM rendering, so no imaging library is needed.
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", pdf, base + "-colours"], check=True)
    ppm = next(f for f in sorted(os.listdir(out)) if f.startswith("workbook-colours") and f.endswith(".ppm"))
    colours = ppm_colours(os.path.join(out, ppm))
    os.remove(os.path.join(out, ppm))
    check((0xD9, 0xF2, 0xD9) in colours, "xlsx: paid cells are green in LibreOffice")
    check((0xF8, 0xD7, 0xDA) in colours, "xlsx: unpaid cells are red in LibreOffice")


def closing_checks(d, html, xlsx, doc, out):
    """The 결산 (issue 24): the page on a phone and printed on A4 portrait in Chromium, the
    workbook's formulas computed by LibreOffice to the figures Hoebi's JSON gives."""
    url = "file://" + os.path.abspath(html)
    set_viewport(d, 390, 844, mobile=True)
    d.get(url)
    overflow = d.execute_script("return document.documentElement.scrollWidth")
    check(overflow <= 390, f"closing on a phone: no sideways scrolling ({overflow}px)")
    check(not broken_words(d), f"closing on a phone: no word or number wraps inside itself ({broken_words(d)[:3]})")
    full_page_png(d, os.path.join(out, "closing-phone.png"))
    set_viewport(d, 1366, 900)
    d.get(url)
    opts = PrintOptions()
    opts.orientation = "portrait"
    opts.page_width, opts.page_height = 21.0, 29.7
    opts.background = True
    pdf = os.path.join(out, "closing-print.pdf")
    with open(pdf, "wb") as f:
        f.write(base64.b64decode(d.print_page(opts)))
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    size = next((l for l in info.splitlines() if l.startswith("Page size")), "")
    dims = [float(x) for x in size.split(":")[1].split("pts")[0].split("x")] if size else [0, 0]
    check(dims[0] < dims[1], f"closing print: A4 portrait ({size.strip()})")
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    closing = doc.get("closing")
    check(closing is not None and f"{closing:,}원" in text, f"closing print: 차기 이월금 {closing} is on the page")
    check("감사" in text and "총무" in text, "closing print: the treasurer's and the auditor's signature lines")
    with tempfile.TemporaryDirectory() as profile, tempfile.TemporaryDirectory() as csvs:
        # Every sheet to CSV (the last field, -1): LibreOffice computes the formulas, which the
        # workbook carries without cached values.
        r = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", csvs, xlsx],
                           capture_output=True, text=True, timeout=300)
        sheets = {}
        for f in os.listdir(csvs):
            with open(os.path.join(csvs, f), encoding="utf-8") as fh:
                sheets[f.rsplit("-", 1)[-1].removesuffix(".csv")] = [l.split(",") for l in fh.read().splitlines()]
        check({"결산", "수입", "지출", "회비"} <= set(sheets), f"closing xlsx: one sheet per part ({sorted(sheets)}; {r.stderr.strip()[:120]})")
        summary = {row[0]: row[1] for row in sheets.get("결산", []) if len(row) > 1}
        check(summary.get("수입 합계") == str(doc["income"]["total"]), f"closing xlsx: 수입 합계 computes to {doc['income']['total']} ({summary})")
        check(summary.get("지출 합계") == str(doc["spending"]["total"]), "closing xlsx: 지출 합계 computes to the JSON's")
        check(summary.get("차기 이월금") == str(closing), f"closing xlsx: 차기 이월금 computes to {closing}")
        dues = sheets.get("회비", [])
        check(bool(dues) and dues[-1][1:3] == [str(doc["dues"]["owed"]), str(doc["dues"]["collected"])], f"closing xlsx: the dues sheet's sums ({dues[-1:]})")


def ppm_colours(path):
    with open(path, "rb") as f:
        data = f.read()
    parts, i = [], 0
    while len(parts) < 4:  # magic, width, height, maxval
        while data[i:i + 1].isspace():
            i += 1
        j = i
        while not data[j:j + 1].isspace():
            j += 1
        parts.append(data[i:j])
        i = j
    pixels = data[i + 1:]
    return {tuple(pixels[k:k + 3]) for k in range(0, len(pixels) - 2, 3)}


def main():
    out, html, masked, xlsx, *names = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    d = browser()
    try:
        html_checks(d, "file://" + os.path.abspath(html), out, names, masked=False)
        html_checks(d, "file://" + os.path.abspath(masked), out, names, masked=True)
    finally:
        d.quit()
    xlsx_checks(os.path.abspath(xlsx), out, names)
    if os.environ.get("CLOSING_JSON"):
        import json
        with open(os.environ["CLOSING_JSON"], encoding="utf-8") as f:
            doc = json.load(f)
        d = browser()
        try:
            closing_checks(d, os.environ["CLOSING_HTML"], os.path.abspath(os.environ["CLOSING_XLSX"]), doc, out)
        finally:
            d.quit()
    print(f"artifacts in {out}: " + ", ".join(sorted(os.listdir(out))))
    finish()


main()
