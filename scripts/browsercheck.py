"""What the browser checks share: headless Chromium from Debian's packages, and a list of checks
that prints each result and remembers the failures (the script exits 1 when any failed)."""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def browser():
    o = Options()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=ko-KR"):
        o.add_argument(a)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)


def finish():
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)


# Every number (20,000 · 2026-06-04 · 02:14) and every Hangul word on the page whose own text
# runs onto a second line: a phone must never show "20,0" / "00" or a name split in two.
_BROKEN_WORDS = r"""
const bad = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const token = /[0-9][0-9,.:\-]*[0-9]|[\uAC00-\uD7A3]{2,}/g;
let n;
while ((n = walker.nextNode())) {
  const el = n.parentElement;
  if (!el || el.closest('textarea,script,style,option,[hidden]') || !el.getClientRects().length) continue;
  token.lastIndex = 0;
  let m;
  while ((m = token.exec(n.data))) {
    const r = document.createRange();
    r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
    const rects = Array.from(r.getClientRects()).filter(x => x.width > 0);
    if (rects.length > 1 && rects[rects.length - 1].top - rects[0].top > 2) bad.push(m[0] + ' <' + el.tagName.toLowerCase() + '>');
  }
}
return bad.slice(0, 8);
"""


def broken_words(d):
    """The numbers and words on the page that wrap inside themselves (at most eight)."""
    return d.execute_script(_BROKEN_WORDS)
