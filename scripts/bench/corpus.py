"""The benchmark corpus: real comments from tests/data/live (Douyin LiveChat + Douyu danmaku), cycled
to the size a benchmark needs, with viewers and a realistic pace (50 comments/s)."""
import csv
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LIVE = REPO / "tests/data/live"


def base_comments():
    out = []
    with open(LIVE / "livechat_douyin_dev.tsv", encoding="utf-8") as f:
        for row in list(csv.reader(f, delimiter="\t"))[1:]:
            out.append(row[1])
    with open(LIVE / "douyu_2018_danmaku.tsv", encoding="utf-8", newline="") as f:
        for row in list(csv.reader(f, delimiter="\t"))[1:]:
            out.append(row[2])
    return [t for t in out if t.strip()]


def write_jsonl(path: Path, n: int):
    base = base_comments()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            row = {"text": base[i % len(base)], "user": f"u{i % 5000}", "ts": 1_700_000_000_000 + i * 20}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path
