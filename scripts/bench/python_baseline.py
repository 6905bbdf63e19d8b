"""What sellers' scripts do today: jieba to cut, SnowNLP to score sentiment, one comment at a time.
Runs inside the bench venv; prints JSON {comments, seconds, per_s}. Import and model loading are
excluded from the timing (generous to the baseline)."""
import json
import sys
import time

import jieba
from snownlp import SnowNLP

texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")][: int(sys.argv[2])]
jieba.initialize()
SnowNLP("预热").sentiments
start = time.perf_counter()
for t in texts:
    jieba.lcut(t)
    SnowNLP(t).sentiments
secs = time.perf_counter() - start
print(json.dumps({"comments": len(texts), "seconds": secs, "per_s": len(texts) / secs}))
