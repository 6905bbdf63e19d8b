#!/usr/bin/env python3
"""Which Douyu danmaku `tests/data/labelled/douyu_more.tsv` holds, reproducibly (it was run once, on
2026-12-04, and the readers labelled its six parts; run it again to check the rows or to draw more).

From `tests/data/live/douyu_2018_danmaku.tsv`: each distinct text once (its first line), none within
300 lines of the 1,500 labelled sample's rows (douyu.tsv stays a separate set), then 2,400 texts with a
question cue (a mark, a particle or a question word, QUESTION_CUE) and 1,200 without, shuffled, in six
parts of 600. The cue rows are over-drawn: they are where a detector can go wrong either way, and a
uniform draw would hold ~11% questions. `run.py` weighs the two strata back to the file's mix.

    python3 scripts/eval/sample_douyu_more.py OUT_DIR    # writes part1.tsv … part6.tsv
"""
import random
import re
import sys
from pathlib import Path

LIVE = Path(__file__).resolve().parents[2] / "tests/data/live"
QUESTION_CUE = re.compile(r"[？?吗嘛呢么吧]|什么|啥|怎|哪|几|多少|谁|为什么|是不是|有没有|能不能|会不会|要不要|行不行|可不可以")
SEED, CUED, UNCUED, PARTS = 20261204, 2400, 1200, 6


def rows(name):
    return [line.rstrip("\n").split("\t") for line in list(open(LIVE / name, encoding="utf-8"))[1:]]


def strata():
    """(cued, uncued): (line_no, text) of the distinct texts outside the labelled sample's reach."""
    sample = rows("douyu_sample_1500.tsv")
    span = {}
    for line_no, room, _ in sample:
        lo, hi = span.get(room, (int(line_no), int(line_no)))
        span[room] = (min(lo, int(line_no)), max(hi, int(line_no)))
    taken = {text.strip() for _, _, text in sample}
    cued, uncued = [], []
    for line_no, room, text in rows("douyu_2018_danmaku.tsv"):
        text, n = text.strip(), int(line_no)
        if room in span and span[room][0] - 300 <= n <= span[room][1] + 300:
            continue
        if not text or text in taken or "\t" in text:
            continue
        taken.add(text)
        (cued if QUESTION_CUE.search(text) else uncued).append((n, text))
    return cued, uncued


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    cued, uncued = strata()
    rnd = random.Random(SEED)
    pick = rnd.sample(cued, CUED) + rnd.sample(uncued, UNCUED)
    rnd.shuffle(pick)
    size = len(pick) // PARTS
    for k in range(PARTS):
        with open(out / f"part{k + 1}.tsv", "w", encoding="utf-8") as f:
            f.write("line_no\ttext\n")
            f.writelines(f"{n}\t{t}\n" for n, t in pick[k * size:(k + 1) * size])
    print(f"{len(cued)} cued and {len(uncued)} uncued texts; {PARTS} parts of {size} in {out}")


if __name__ == "__main__":
    main()
