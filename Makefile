# Front door over CMake. `make` builds build/raml; see README.md for the rest.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE ?= cmake
CTEST ?= ctest

.PHONY: all build test asan fuzz fuzz-run bench deps clean format setup

all: build

$(BUILD)/CMakeCache.txt:
	$(CMAKE) -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	$(CMAKE) --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && $(CTEST) --output-on-failure -j $(JOBS)

# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (leaks included).
asan:
	$(CMAKE) -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRAML_SANITIZE=ON -DCMAKE_C_COMPILER=clang
	$(CMAKE) --build build-asan -j $(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  $(CTEST) --output-on-failure -j $(JOBS)

# libFuzzer targets (clang); `make fuzz-run` runs each for FUZZ_SECONDS.
FUZZ_SECONDS ?= 30
fuzz:
	$(CMAKE) -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DRAML_SANITIZE=ON -DRAML_FUZZ=ON -DCMAKE_C_COMPILER=clang
	$(CMAKE) --build build-fuzz -j $(JOBS)

fuzz-run: fuzz
	bash fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

bench: build
	bash bench/bench.sh $(BUILD)/raml

# Debian 12 packages needed to build, test and run everything (run as root).
deps:
	bash tools/install-deps.sh

clean:
	rm -rf $(BUILD) build-asan build-fuzz

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

# First command of the README: packages, build, then the main job on the sample corpus.
setup: deps build
	bash tools/demo.sh
