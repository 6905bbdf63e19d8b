#!/usr/bin/env python3
"""Assembles the installable extension: extension/ sources + the wasm build (dist/extension/wasm,
from `make wasm`) → dist/extension/ (Load unpacked) and dist/danmu-radar-extension.zip.

Adapters are one file per platform (extension/content/adapters/*.js), each starting with a line
`// hosts: <match pattern> …`. The manifest in the source tree says `@adapters` and
`@adapter-hosts`; this build expands them, so adding a platform never means editing the manifest.
Every file the manifest names must exist, so a typo fails the build, not the user."""

import argparse
import json
import os
import re
import shutil
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "extension")
OUT = os.path.join(ROOT, "dist", "extension")
ZIP = os.path.join(ROOT, "dist", "danmu-radar-extension.zip")
ADAPTERS = "content/adapters"


def adapters():
    files, hosts = [], []
    for name in sorted(os.listdir(os.path.join(SRC, ADAPTERS))):
        if not name.endswith(".js"):
            continue
        with open(os.path.join(SRC, ADAPTERS, name), encoding="utf-8") as f:
            first = f.readline()
        m = re.match(r"//\s*hosts:\s*(.+)", first)
        if not m:
            sys.exit(f"{ADAPTERS}/{name}: the first line must be `// hosts: <match pattern> …`")
        files.append(f"{ADAPTERS}/{name}")
        hosts += [h for h in m.group(1).split() if h not in hosts]
    return files, hosts


def expand(values, marker, items):
    out = []
    for v in values:
        out += items if v == marker else [v]
    return out


def main():
    global OUT, ZIP
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="build here instead of dist/extension (no zip); the wasm is copied from dist")
    args = ap.parse_args()
    wasm_dir = os.path.join(OUT, "wasm")
    if not os.path.exists(os.path.join(wasm_dir, "danmu_radar_bg.wasm")):
        sys.exit("dist/extension/wasm is missing: run `make wasm` first")
    if args.out:
        OUT, ZIP = os.path.abspath(args.out), None
        os.makedirs(OUT, exist_ok=True)
        shutil.rmtree(os.path.join(OUT, "wasm"), ignore_errors=True)
        shutil.copytree(wasm_dir, os.path.join(OUT, "wasm"))
    for entry in os.listdir(OUT):
        if entry != "wasm":
            path = os.path.join(OUT, entry)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    shutil.copytree(SRC, OUT, dirs_exist_ok=True)

    files, hosts = adapters()
    path = os.path.join(OUT, "manifest.json")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["host_permissions"] = expand(manifest["host_permissions"], "@adapter-hosts", hosts)
    for cs in manifest["content_scripts"]:
        cs["matches"] = expand(cs["matches"], "@adapter-hosts", hosts)
        cs["js"] = expand(cs["js"], "@adapters", files)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)

    named = [manifest["background"]["service_worker"]]
    for cs in manifest.get("content_scripts", []):
        named += cs.get("js", []) + cs.get("css", [])
    missing = [p for p in named if not os.path.exists(os.path.join(OUT, p))]
    if missing:
        sys.exit(f"manifest.json names files that do not exist: {', '.join(missing)}")

    if ZIP:
        with zipfile.ZipFile(ZIP, "w", zipfile.ZIP_DEFLATED) as z:
            for base, _, names in os.walk(OUT):
                for name in sorted(names):
                    p = os.path.join(base, name)
                    z.write(p, os.path.relpath(p, OUT))
    print(f"extension: {OUT} with {len(files)} platform adapters" + (f", and {os.path.relpath(ZIP, ROOT)}" if ZIP else ""))


if __name__ == "__main__":
    main()
