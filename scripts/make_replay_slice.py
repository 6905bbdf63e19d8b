#!/usr/bin/env python3
"""Builds the trial page's replay (www/data/replay.jsonl) from real comments: the LiveChat Douyin rooms
in tests/data/live/livechat_douyin_dev.tsv with the most shopping talk, each room's comments in file
order, one room after another. The data has no times, so this assigns realistic ones: about 70
comments a minute with bursts of 150–200 (a host's call to action), exponential gaps, a fixed seed
so the file is reproducible; times are Unix ms from a fixed evening. Nothing is added or reworded; see www/data/PROVENANCE.md."""

import csv
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "tests", "data", "live", "livechat_douyin_dev.tsv")
OUT = os.path.join(ROOT, "www", "data", "replay.jsonl")
ROOMS = 12
# The replay's clock starts at 2025-06-18 20:00 China time (a 618 sale evening): Unix ms, so the file
# is also an ordinary log for `danmu-radar analyze`.
START_MS = 1_750_248_000_000
# Words that mark shopping talk; used only to choose rooms, never to change a comment.
SHOPPING = re.compile(r"多少钱|链接|尺码|几号|发货|包邮|价格|优惠|多少|怎么买|有货|库存|码|上车|福利|口红|衣服|买|好用")


def main():
    with open(SRC, encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t")][1:]
    by_room = {}
    for room, text, _reply in rows:
        by_room.setdefault(room, []).append(text)
    ranked = sorted(by_room, key=lambda r: (-sum(bool(SHOPPING.search(t)) for t in by_room[r]), r))[:ROOMS]
    rng = random.Random(20261130)
    ts, burst_until, out = 0.0, -1.0, []
    for room in ranked:
        for text in by_room[room]:
            if ts > burst_until and rng.random() < 0.012:
                burst_until = ts + rng.uniform(20_000, 40_000)
            rate = rng.uniform(150, 200) if ts <= burst_until else 70  # comments per minute
            ts += rng.expovariate(rate / 60_000)
            out.append({"ts": START_MS + int(ts), "room": room, "text": text})
    with open(OUT, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{os.path.relpath(OUT, ROOT)}: {len(out)} comments from {len(ranked)} rooms over {ts / 60_000:.1f} min")


if __name__ == "__main__":
    main()
