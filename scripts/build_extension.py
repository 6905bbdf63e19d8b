#!/usr/bin/env python3
"""Assembles the installable extension: extension/ sources + the wasm build (dist/extension/wasm,
from `make wasm`) → dist/extension/ (Load unpacked) and dist/danmu-radar-extension.zip.
Checks that every file the manifest names exists, so a typo fails the build, not the user."""

import json
import os
import shutil
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "extension")
OUT = os.path.join(ROOT, "dist", "extension")
ZIP = os.path.join(ROOT, "dist", "danmu-radar-extension.zip")


def main():
    wasm = os.path.join(OUT, "wasm", "danmu_radar_bg.wasm")
    if not os.path.exists(wasm):
        sys.exit("dist/extension/wasm is missing: run `make wasm` first")
    for entry in os.listdir(OUT):
        if entry != "wasm":
            path = os.path.join(OUT, entry)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    shutil.copytree(SRC, OUT, dirs_exist_ok=True)

    with open(os.path.join(OUT, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    named = [manifest["background"]["service_worker"]]
    for cs in manifest.get("content_scripts", []):
        named += cs.get("js", []) + cs.get("css", [])
    missing = [p for p in named if not os.path.exists(os.path.join(OUT, p))]
    if missing:
        sys.exit(f"manifest.json names files that do not exist: {', '.join(missing)}")

    with zipfile.ZipFile(ZIP, "w", zipfile.ZIP_DEFLATED) as z:
        for base, _, files in os.walk(OUT):
            for name in sorted(files):
                path = os.path.join(base, name)
                z.write(path, os.path.relpath(path, OUT))
    print(f"extension: {os.path.relpath(OUT, ROOT)}/ (Chrome → 扩展程序 → 加载已解压的扩展程序) and {os.path.relpath(ZIP, ROOT)}")


if __name__ == "__main__":
    main()
