#!/usr/bin/env python3
"""A large service for scripts/load: GROUPS clubs × MEMBERS members × MONTHS months of dues.

Writes FOLDER/hoebi.json and one generic-CSV statement per group (statements/gN.csv), plus one
extra statement (extra.csv) for the import that runs during the load. Deterministic (seeded).
Usage: make-load-ledger.py FOLDER [GROUPS] [MEMBERS] [MONTHS]
"""
import csv, json, os, random, sys

folder = sys.argv[1]
groups, members, months = (int(a) for a in (sys.argv[2:5] + ["100", "50", "36"][len(sys.argv[2:5]):]))
rng = random.Random(13)
surnames = "김이박최정강조윤장임한오서신권황안송류홍"
given = ["민준", "서연", "하은", "지우", "도윤", "서윤", "시우", "예린", "주원", "채원", "현우", "수아", "건우", "유나", "지민", "가은"]
os.makedirs(os.path.join(folder, "statements"), exist_ok=True)
config = {"database": "hoebi.sqlite", "groups": []}
start_year, start_month = 2023, 12
for g in range(1, groups + 1):
    names = []
    while len(names) < members:
        n = rng.choice(surnames) + rng.choice(given)
        if n not in names:
            names.append(n)
    config["groups"].append({
        "id": f"g{g}", "name": f"부하 시험 모임 {g}",
        "account": {"bank": "kakaobank", "number": f"3333-{g:02d}-{1000000 + g}", "holder": names[0]},
        "dues": {"schedule": [{"from": f"{start_year}-{start_month:02d}", "amount": 30000}], "dueDay": 10},
        "members": [{"id": f"m{i + 1}", "name": n} for i, n in enumerate(names)],
    })
    balance = 0
    rows = []
    for k in range(months):
        y, m = start_year + (start_month - 1 + k) // 12, (start_month - 1 + k) % 12 + 1
        for i, n in enumerate(names):
            if rng.random() < 0.9:  # most pay, some skip
                day = rng.randint(1, 28)
                text = n if rng.random() < 0.7 else f"{n}{m}월회비"
                balance += 30000
                rows.append((f"{y}-{m:02d}-{day:02d} {rng.randint(8, 22):02d}:{rng.randint(0, 59):02d}:{i % 60:02d}", 30000, text))
        if rng.random() < 0.5:
            rows.append((f"{y}-{m:02d}-27 12:00:00", -200000, "회식비"))
    rows.sort()
    with open(os.path.join(folder, "statements", f"g{g}.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["datetime", "amount", "text", "balance"])
        b = 0
        for t, a, text in rows:
            b += a
            w.writerow([t, a, text, b])
with open(os.path.join(folder, "hoebi.json"), "w", encoding="utf-8") as f:
    json.dump(config, f, ensure_ascii=False, indent=1)
print(f"{groups} groups × {members} members × {months} months in {folder}")
