"""Features exactly as the engine computes them: the texts go through the `dump_features` test in
tests/models.rs (the engine's own cleaning, jieba tokens and feature functions), so training can
never drift from what the shipped model is scored on. Results are cached in target/train/ by a hash
of the input and of the feature code."""
import hashlib
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / "target" / "train"
# The code whose change invalidates cached features.
FEATURE_CODE = ["src/sentiment", "src/question", "src/intent", "src/similar", "src/data", "src/clean.rs",
                "src/tokenize.rs", "src/analysis.rs", "tests/models.rs"]


def code_hash():
    h = hashlib.sha1()
    for p in FEATURE_CODE:
        path = REPO / p
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            # Model weights are inputs to the dumped engine outputs only, not to the features.
            if f.is_file() and f.suffix != ".bin":
                h.update(str(f.relative_to(REPO)).encode() + f.read_bytes())
    return h.hexdigest()[:12]


def build():
    """Compiles the featurizer once (cargo prints its own progress)."""
    print("featurize: building the engine's featurizer (cargo test --release --no-run)", file=sys.stderr)
    subprocess.run(["cargo", "test", "--release", "--quiet", "--test", "models", "--no-run"], cwd=REPO, check=True)


def _run(lines, mode, name):
    CACHE.mkdir(parents=True, exist_ok=True)
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    key = hashlib.sha1(data + mode.encode() + code_hash().encode()).hexdigest()[:16]
    out = CACHE / f"{name}-{key}.tsv"
    if not out.exists():
        inp = CACHE / f"{name}-{key}.in"
        inp.write_bytes(data)
        env = dict(os.environ, DANMU_DUMP_IN=str(inp), DANMU_DUMP_OUT=str(out) + ".part", DANMU_DUMP_MODE=mode)
        subprocess.run(["cargo", "test", "--release", "--quiet", "--test", "models", "--", "--ignored", "--exact",
                        "dump_features"], cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
        os.replace(str(out) + ".part", out)
        inp.unlink()
    rows = out.read_text(encoding="utf-8").split("\n")[:-1]
    assert len(rows) == len(lines), f"{name}: {len(rows)} feature rows for {len(lines)} inputs"
    return rows


def _ids(field):
    return [int(x) for x in field.split()] if field and field != "-" else None


def one_line(text):
    return " ".join(text.replace("\t", " ").splitlines())


def texts(items, name):
    """Per text: dict(s=sentiment ids, lex=lexicon sum, q=question ids or None (rules decide),
    commerce=the intent a phrase rule settles or None, i=intent ids, engine=(polarity logit, live pos/neu/neg logits, question logit), tokens)."""
    out = []
    for row in _run([one_line(t) for t in items], "text", name):
        s, lex, q, commerce, i, eng, toks = row.split("\t")
        e = [float(x) for x in eng.split()]
        out.append(dict(s=_ids(s) or [], lex=float(lex), q=_ids(q), commerce=None if commerce == "-" else commerce,
                        i=_ids(i) or [], engine=e, tokens=toks.split(" ")))
    return out


def pairs(items, name):
    """Per (a, b): dict(ids=pair ids, dense=[...], score=the engine's score)."""
    out = []
    for row in _run([one_line(a) + "\t" + one_line(b) for a, b in items], "pair", name):
        ids, dense, score = row.split("\t")
        out.append(dict(ids=_ids(ids) or [], dense=[float(x) for x in dense.split()], score=float(score)))
    return out
