#!/usr/bin/env python3
"""Builds the engine to WebAssembly as wasm-pack.toml says: one cargo build, then one wasm-bindgen
run per [[output]]. Unknown keys are errors, so a typo never silently changes the build."""

import os
import re
import shutil
import subprocess
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = os.path.join(ROOT, "wasm-pack.toml")
CRATE = "danmu_radar"

BUILD_KEYS = {"profile": str, "features": list, "wasm-opt": bool, "wasm-opt-args": list}
OUTPUT_KEYS = {"name": str, "target": str, "out-dir": str}
TARGETS = {"web", "no-modules", "bundler", "nodejs", "deno", "experimental-nodejs-module"}


def fail(msg):
    sys.exit(f"wasm-pack.toml: {msg}")


def load():
    try:
        with open(CONFIG, "rb") as f:
            cfg = tomllib.load(f)
    except FileNotFoundError:
        fail(f"not found at {CONFIG}")
    except tomllib.TOMLDecodeError as e:
        fail(f"invalid TOML: {e}")
    for key in cfg:
        if key not in ("build", "output"):
            fail(f"unknown top-level key '{key}' (expected [build] and [[output]])")
    build = cfg.get("build", {})
    for key, value in build.items():
        if key not in BUILD_KEYS:
            fail(f"unknown key 'build.{key}' (known: {', '.join(sorted(BUILD_KEYS))})")
        if not isinstance(value, BUILD_KEYS[key]):
            fail(f"'build.{key}' must be a {BUILD_KEYS[key].__name__}")
    outputs = cfg.get("output", [])
    if not outputs:
        fail("no [[output]] section")
    for i, out in enumerate(outputs):
        for key, value in out.items():
            if key not in OUTPUT_KEYS:
                fail(f"unknown key 'output[{i}].{key}' (known: {', '.join(sorted(OUTPUT_KEYS))})")
            if not isinstance(value, OUTPUT_KEYS[key]):
                fail(f"'output[{i}].{key}' must be a string")
        for key in OUTPUT_KEYS:
            if key not in out:
                fail(f"output[{i}] is missing '{key}'")
        if out["target"] not in TARGETS:
            fail(f"output[{i}].target '{out['target']}' is not a wasm-bindgen target ({', '.join(sorted(TARGETS))})")
    return build, outputs


def locked_bindgen_version():
    with open(os.path.join(ROOT, "Cargo.lock"), encoding="utf-8") as f:
        m = re.search(r'name = "wasm-bindgen"\nversion = "([^"]+)"', f.read())
    return m.group(1) if m else None


def run(cmd, **kw):
    print("+ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def main():
    build, outputs = load()
    want = locked_bindgen_version()
    try:
        have = subprocess.run(["wasm-bindgen", "--version"], capture_output=True, text=True).stdout.split()[-1]
    except (FileNotFoundError, IndexError):
        have = None
    if have != want:
        sys.exit(f"wasm-bindgen {want} is needed (Cargo.lock) but found {have}; run `make setup`")

    profile = build.get("profile", "wasm-release")
    cmd = ["cargo", "build", "--lib", "--target", "wasm32-unknown-unknown", "--profile", profile, "--no-default-features"]
    if build.get("features"):
        cmd += ["--features", ",".join(build["features"])]
    run(cmd)
    wasm = os.path.join(ROOT, "target", "wasm32-unknown-unknown", profile, f"{CRATE}.wasm")

    for out in outputs:
        out_dir = os.path.join(ROOT, out["out-dir"])
        shutil.rmtree(out_dir, ignore_errors=True)
        run(["wasm-bindgen", wasm, "--target", out["target"], "--out-dir", out_dir])
        if build.get("wasm-opt"):
            opt = os.path.join(ROOT, "node_modules", ".bin", "wasm-opt")
            if not os.path.exists(opt):
                sys.exit("wasm-opt is on in wasm-pack.toml but npm's binaryen is not installed (npm install binaryen)")
            bg = os.path.join(out_dir, f"{CRATE}_bg.wasm")
            run([opt, *build.get("wasm-opt-args", ["-O3"]), bg, "-o", bg])
        size = os.path.getsize(os.path.join(out_dir, f"{CRATE}_bg.wasm"))
        print(f"wasm [{out['name']}]: {out['out-dir']}/{CRATE}_bg.wasm ({size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
