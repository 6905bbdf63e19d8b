# Danmu Radar (弹幕雷达). The two commands a user needs: `make run` and `make test`.
# Both install what is missing first (scripts/setup.sh says what it does).

CARGO ?= cargo
# A real Douyin live-room log bundled in the repo (LiveChat, MIT; see tests/data/live/PROVENANCE.md).
LOG ?= tests/data/live/livechat_douyin_dev.tsv
# Where `make run` and `make serve` serve the trial page (http://127.0.0.1:$(PORT)/).
PORT ?= 8080

.PHONY: run test test-native test-wasm test-e2e wasm extension www serve eval train bench lint setup clean

## run: build the extension and the trial page, print the report of a real bundled comment log, then
## serve the trial page on http://127.0.0.1:$(PORT)/ (PORT=… to change)
run: extension
	@python3 scripts/build_www.py
	@echo "make run: building the CLI (release)…"
	@$(CARGO) build --release --quiet
	@echo "make run: analysing $(LOG) — the same report comes from any log: ./target/release/danmu-radar analyze FILE"
	@./target/release/danmu-radar analyze $(LOG) --format text
	@echo
	@echo "The Chrome extension is built: $(CURDIR)/dist/extension"
	@echo "  Chrome → chrome://extensions → 开发者模式 → 加载已解压的扩展程序 → choose that folder"
	@echo "  (or unzip dist/danmu-radar-extension.zip and load that)."
	@echo
	@echo "The trial page (replay, your own log → 复盘 report, live feed): open http://127.0.0.1:$(PORT)/ in Chrome. Ctrl+C stops it."
	@python3 scripts/serve_www.py --port $(PORT)

## test: everything — lint, native tests, wasm tests and the extension's browser tests in headless Chromium
test: setup lint test-native test-wasm test-e2e

setup:
	@scripts/setup.sh test

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets --quiet -- -D warnings

test-native:
	$(CARGO) test --quiet

test-wasm:
	CHROMEDRIVER=$$(command -v chromedriver) $(CARGO) test --target wasm32-unknown-unknown --no-default-features --test wasm

test-e2e: extension node_modules
	npx playwright test -c tests/e2e/playwright.config.mjs

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

## extension: the installable extension in dist/extension (Load unpacked) and dist/danmu-radar-extension.zip
extension: wasm
	python3 scripts/build_extension.py

## www: the trial page in dist/www (www/ + the extension's overlay renderer + the wasm)
www: wasm
	python3 scripts/build_www.py

## serve: serve dist/www on http://127.0.0.1:$(PORT)/ (static files; all analysis runs in the browser)
serve:
	@python3 scripts/serve_www.py --port $(PORT)

## wasm: build the engine to WebAssembly as wasm-pack.toml says (dist/extension/wasm, dist/www/wasm)
wasm:
	@scripts/setup.sh wasm
	python3 scripts/build_wasm.py

## eval: quality metrics on ../shared/data and the in-repo labelled set (development only)
eval:
	@$(CARGO) build --release --quiet
	python3 scripts/eval/run.py

## train: rebuild the shipped models from ../shared/data (development only; scripts/train/README.md)
train:
	python3 scripts/train/run.py

## bench: speed and memory, each side by side with its baseline (BENCHMARKS.md)
bench: wasm extension
	@npm install --no-audit --no-fund --silent
	$(CARGO) bench --bench engine
	python3 scripts/bench/run.py
	node scripts/bench/extension_bench.mjs

clean:
	$(CARGO) clean
	rm -rf dist
