# Everyday commands for jaringkata. `make demo` and `make test` install what is
# missing (as root; otherwise they print the apt-get line), build with CMake and run.

BUILD      ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz
# Seconds each fuzz target runs in `make fuzz`.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
# Build and run: compiler (binutils: objdump reads Poppler's run-time name), libraries, fonts
# for the pictures, the stemmer's root dictionary.
PACKAGES   := cmake make gcc binutils pkg-config libpcre2-dev libigraph-dev libcmocka-dev \
              libutf8proc-dev libxml2-dev libcairo2-dev libfontconfig-dev fonts-dejavu-core \
              libcsv-dev libpoppler-glib-dev zlib1g-dev libzip-dev libpng-dev hunspell-id \
              dict-freedict-eng-ind
# Tests also read the outputs back with real consumers.
TEST_PACKAGES := python3 python3-networkx python3-igraph libxml2-utils qpdf
# The page is opened in a real browser when one can be installed; its test skips otherwise.
BROWSER_PACKAGES := chromium
# The fuzz targets need clang's libFuzzer and sanitizers.
FUZZ_PACKAGES := clang

.PHONY: all deps test-deps build demo test test-asan test-tsan fuzz format clean

all: build

deps:
	@$(MAKE) --no-print-directory install-packages WANT="$(PACKAGES)"

test-deps:
	@$(MAKE) --no-print-directory install-packages WANT="$(PACKAGES) $(TEST_PACKAGES)"
	@$(MAKE) --no-print-directory install-packages WANT="$(BROWSER_PACKAGES)" >/dev/null 2>&1 || \
	  echo "note: chromium could not be installed; the browser test (e2e_html) will be skipped"

install-packages:
	@missing=""; \
	for p in $(WANT); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else \
	    echo "Missing Debian packages. Install them as root with:"; \
	    echo "  apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/jaringkata map corpus -o output

test: test-deps build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory test-asan
	$(MAKE) --no-print-directory test-tsan

# The same tests once more under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: test-deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DJK_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

# The threaded parts (thread pool, ordered merge, sketch, parallel writers, the
# clustering's helper processes forked beside idle threads) under ThreadSanitizer:
# their unit tests and the end-to-end runs on several threads.
test-tsan: test-deps
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJK_TSAN=ON
	cmake --build $(TSAN_BUILD) -j $(JOBS)
	TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/tests/tsan.supp" \
	  ctest --test-dir $(TSAN_BUILD) --output-on-failure -j $(JOBS) \
	  -R 'test_workers|test_util|test_docqueue|test_sketch|test_outdir|test_layout|test_cluster|test_cooccur|e2e_threads|e2e_corpus'

# libFuzzer targets (fuzz/fuzz_*.c), each run FUZZ_SECONDS seconds, one after another, on one
# core; the working corpus grows in $(FUZZ_BUILD)/fuzz-corpus, findings land in
# $(FUZZ_BUILD)/fuzz-crashes (see tests/README.md).
fuzz:
	@$(MAKE) --no-print-directory install-packages WANT="$(PACKAGES) $(FUZZ_PACKAGES)"
	CC=clang cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJK_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	@status=0; for t in $(FUZZ_TARGETS); do \
	  ./fuzz/run.sh $(FUZZ_BUILD) $$t $(FUZZ_SECONDS) || status=1; \
	done; exit $$status

format:
	clang-format -i src/*.c src/*.h src/util/*.c src/util/*.h tests/*.c tests/*.h fuzz/*.c fuzz/*.h

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD) $(FUZZ_BUILD)

	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
