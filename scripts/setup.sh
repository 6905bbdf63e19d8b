#!/usr/bin/env bash
# Installs what the build and the tests need, and says what it does. Idempotent: a second run only
# checks. Usage: scripts/setup.sh native|wasm|test
#   native: a Rust toolchain (the CLI and native tests)
#   wasm:   + the wasm32 target, clang (jieba's embedded dictionary compiles C for wasm32) and the
#             wasm-bindgen CLI pinned to Cargo.lock's version
#   test:   + Chromium and ChromeDriver (wasm and browser tests), CJK fonts (readable screenshots),
#             Node.js/npm (Playwright drives the browser), openssl (the test server's certificate)
set -euo pipefail
cd "$(dirname "$0")/.."
need="${1:-test}"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || die "Rust is not installed. Install it with rustup (https://rustup.rs), then run this again."

[ "$need" = native ] && exit 0

apt_install() { # package... — only what is missing
    local missing=()
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
        die "missing system packages: ${missing[*]}. This script installs them on Debian as root; elsewhere install them yourself (Debian/Ubuntu names), then run this again."
    fi
    say "installing ${missing[*]} (apt-get)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/danmu-radar-apt.log 2>&1; then
        apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/danmu-radar-apt.log 2>&1 \
            || die "apt-get failed (log: /tmp/danmu-radar-apt.log)"
    fi
}

if command -v rustup >/dev/null; then
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        say "adding the Rust target wasm32-unknown-unknown (rustup)"
        rustup target add wasm32-unknown-unknown >/dev/null
    fi
elif ! rustc --print target-list >/dev/null 2>&1 || [ ! -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
    die "the Rust target wasm32-unknown-unknown is missing and rustup is not available to add it."
fi

command -v dpkg >/dev/null && apt_install clang
command -v clang >/dev/null || die "clang is needed to build for wasm32 (jieba's embedded dictionary); install it."

want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, "", $0); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want to match Cargo.lock (cargo install; 2-4 minutes, once)"
    cargo install -q wasm-bindgen-cli --version "$want" || die "cargo install wasm-bindgen-cli $want failed"
fi

[ "$need" = wasm ] && exit 0

if command -v dpkg >/dev/null; then
    apt_install chromium chromium-driver fonts-noto-cjk openssl
    command -v npm >/dev/null || apt_install nodejs npm
fi
command -v chromedriver >/dev/null || die "ChromeDriver is needed for browser tests (Debian: chromium-driver)."
command -v npm >/dev/null || die "Node.js and npm are needed for the browser tests (Debian: nodejs npm)."
exit 0
