#!/usr/bin/env python3
"""Assembles the trial page in dist/www: www/ as it is, plus the extension's overlay renderer
(extension/ui → dist/www/ui, copied, never forked: the page and the extension draw the same overlay),
beside the wasm that `make wasm` already put in dist/www/wasm."""

import os
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "dist", "www")
WASM = os.path.join(OUT, "wasm", "danmu_radar_bg.wasm")


def main():
    if not os.path.exists(WASM):
        sys.exit("dist/www/wasm is missing: run `make wasm` first")
    for entry in os.listdir(OUT):
        if entry != "wasm":
            path = os.path.join(OUT, entry)
            shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
    shutil.copytree(os.path.join(ROOT, "www"), OUT, dirs_exist_ok=True)
    shutil.copytree(os.path.join(ROOT, "extension", "ui"), os.path.join(OUT, "ui"))
    print(f"www: {os.path.relpath(OUT, ROOT)} (serve it with `make serve`)")


if __name__ == "__main__":
    main()
