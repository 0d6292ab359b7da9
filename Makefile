# ccsim — the set-up commands are `make run`, `make test` and `make serve`; each installs what is missing.
SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
# One build configuration for everything (release): the simulator is what tests exercise,
# and statistical validation needs its real speed.
CONFIG := -c release
BIN := .build/release
SCENARIO ?= scenarios/erlang-a.yaml
OUT ?= results/erlang-a

.PHONY: all deps build run serve test report-test workbench-test workbench-load python-test notebooks validate-long bench bench-sweep slurm-test golden readme fuzz clean

all: build

deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build $(CONFIG)

## Build, then simulate a bundled scenario and print its table (outputs in $(OUT)/).
run: build
	$(BIN)/ccsim run $(SCENARIO) --replications 10 --out $(OUT)
	$(BIN)/ccsim report $(OUT)

## Build, then start the workbench (`ccsim serve`) on the bundled scenarios and open it in a browser
## (history in scenarios/.ccsim/, ignored by git). Ctrl-C stops it.
PORT ?= 8080
serve: build
	@( sleep 2; command -v xdg-open >/dev/null 2>&1 && xdg-open http://127.0.0.1:$(PORT)/ >/dev/null 2>&1 || true ) &
	$(BIN)/ccsim serve --port $(PORT) --workspace scenarios

## Every test: unit, golden (exact output) and statistical validation against Erlang C/A/B.
test: deps
	$(SWIFT) build $(CONFIG) --build-tests
	$(SWIFT) test $(CONFIG) --skip-build
	$(MAKE) python-test
	$(MAKE) notebooks
	SLURM_TEST_OPTIONAL=1 ./scripts/slurm-test.sh
	SCRATCH=.build ./scripts/report-browser-test.sh
	$(MAKE) workbench-test

## The workbench in a real browser: `ccsim serve` on a free loopback port driven by headless Chromium
## (DevTools protocol): validation at the line, a run and its report, a what-if overlay, an ROI study, staff then
## schedule with their charts, screenshots.
workbench-test: build
	@command -v chromium >/dev/null 2>&1 || { sudo=""; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq chromium >/dev/null; }
	python3 scripts/workbench-browser-test.py $(BIN)/ccsim $$(command -v chromium)

## 20 concurrent what-ifs against `ccsim serve`, and single what-if latencies (single queue, tiered week).
workbench-load: build
	python3 scripts/workbench-load-test.py $(BIN)/ccsim 20

## The HTML report in a real browser: headless Chromium (installed if missing) renders
## `ccsim report` of a tiered-support run; checks the charts and that the screenshot is not blank.
## Not part of `make test`: the Chromium install alone is ~1 min and depends on the network.
report-test: build
	SCRATCH=.build ./scripts/report-browser-test.sh

## The Python package (python/, `import ccsim`): installed into .venv, its pytest suite run
## against the built ccsim (a few seconds).
python-test: build .venv/.installed
	$(MAKE) python-install
	CCSIM_BIN=$(CURDIR)/$(BIN)/ccsim .venv/bin/python -m pytest -q python/tests

## Execute every notebook top to bottom in a Python venv with the pinned packages and the ccsim
## package; charts are saved under .build/notebooks/ and checked not blank.
notebooks: build .venv/.installed
	$(MAKE) python-install
	CCSIM_BIN=$(CURDIR)/$(BIN)/ccsim .venv/bin/python scripts/run-notebooks.py

# The package is reinstalled each time (no build isolation: setuptools comes from the pinned
# requirements, so nothing is fetched here).
.PHONY: python-install
python-install: .venv/.installed
	.venv/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation ./python

.venv/.installed: notebooks/requirements.txt
	python3 -m venv .venv
	.venv/bin/pip install --quiet --disable-pip-version-check -r notebooks/requirements.txt
	touch $@

## The validation suite with five times the replications (a few minutes).
validate-long: deps
	CCSIM_LONG_VALIDATION=1 $(SWIFT) test $(CONFIG) --filter ValidationTests

## Speed and memory of the simulation core: arrivals/s, events/s, peak MiB; `ccsim run` end to end
## (hence the ccsim build); the targets' ratios to the floor loop of the same run at the end.
bench: deps
	$(SWIFT) build $(CONFIG) --product ccsim
	$(SWIFT) build $(CONFIG) --product ccsim-bench
	$(BIN)/ccsim-bench

## A sweep on a real one-node Slurm cluster (installs slurm-wlm and munge; root; ~10 s).
slurm-test: build
	./scripts/slurm-test.sh

## Sweep throughput: 200 short runs with --jobs 1 and --jobs 2 (runs/s, store's share of run time).
bench-sweep: build
	@for sweep in bench-tiered-200 bench-200; do for jobs in 1 2; do \
		printf '%s: ' $$sweep; $(BIN)/ccsim sweep scenarios/sweeps/$$sweep.yaml --jobs $$jobs --out .build/bench-sweep-$$jobs --force-new 2>&1 | grep "runs in"; \
	done; done

## libFuzzer over the scenario loader and the contact-log reader for FUZZ_SECONDS (default 120 s),
## from the seed corpus in Fuzz/corpus (new inputs go to .build/fuzz/corpus, findings to .build/fuzz/).
## The library modules are built with coverage instrumentation in their own build folder.
FUZZ_SECONDS ?= 120
FUZZ_DIR := .build/fuzz
FUZZ_MODULES := Fitting Scenarios Stochastics Statistics Yams CYaml CRandomStreams
fuzz: deps
	$(SWIFT) build $(CONFIG) --build-path $(FUZZ_DIR) --target Fitting -Xswiftc -sanitize=fuzzer
	$(dir $(SWIFT))swiftc -O -parse-as-library -sanitize=fuzzer -module-name InputFuzzer Fuzz/InputFuzzer.swift \
		-I $(FUZZ_DIR)/release/Modules -Xcc -fmodule-map-file=Sources/CGSL/module.modulemap \
		-Xcc -I -Xcc Sources/CRandomStreams/include -Xcc -fmodule-map-file=$(FUZZ_DIR)/release/CRandomStreams.build/module.modulemap \
		-Xcc -fmodule-map-file=$(FUZZ_DIR)/checkouts/Yams/Sources/CYaml/include/module.modulemap \
		$$(for m in $(FUZZ_MODULES); do find $(FUZZ_DIR)/release/$$m.build -name '*.o'; done) \
		-lgsl -lgslcblas -lm -o $(FUZZ_DIR)/input-fuzzer
	mkdir -p $(FUZZ_DIR)/corpus
	cd $(FUZZ_DIR) && ./input-fuzzer corpus ../../Fuzz/corpus -max_total_time=$(FUZZ_SECONDS) -max_len=16384 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1

## Rewrite the golden files after an intended change of output (review the diff!).
golden: build
	CCSIM_UPDATE_GOLDEN=1 $(SWIFT) test $(CONFIG) --filter GoldenOutputTests

## README.md's samples, rewritten from what ccsim prints (a CLI test checks them).
readme: build
	python3 scripts/readme-samples.py

clean:
	rm -rf .build
