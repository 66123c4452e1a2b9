#!/usr/bin/env bash
# The test command: sets up a fresh machine (Scripts/bootstrap.sh), then runs every test suite:
# the Swift tests (unit, golden, diagnostics, fuzz, command line, generated code, runtime wire
# compatibility), the build and command plugins on the consumer package, and the JSON Schema
# check of every example and fixture.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

Scripts/bootstrap.sh

# --- Self-contained: the tests need nothing outside the repository. ---
# The Python vectors the Swift tests read (Tests/Fixtures) must be what the pinned SDK writes now.
echo "== Python default-converter vectors"
.venv/bin/python Scripts/generate-python-vectors.py --check
# No tracked text file may name a path outside the repository; prints the offending lines. The
# patterns are split in two so that this script does not match itself.
echo "== no paths outside the repository"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    status=0
    git grep -nI -e 'shared''/interop' -e '/wor''k/' -- . || status=$?
    if [ "$status" -eq 0 ]; then
        echo "the tracked files above name a path outside the repository" >&2
        exit 1
    elif [ "$status" -ne 1 ]; then
        echo "git grep failed ($status)" >&2
        exit 1
    fi
else
    echo "(not a git checkout: skipped)"
fi
# --- end self-contained ---

echo "== module seams"
python3 Scripts/check-module-seams.py

echo "== swift format lint"
# Every tracked Swift file; generated ones opt out with `// swift-format-ignore-file`, the goldens
# (generator output, checked by their own tests) are left out.
git ls-files -z '*.swift' ':!Tests/GeneratedCodeTests/Generated' | xargs -0 swift format lint --strict

# The warnings of a build log ($1, with its checkouts in $2) that are the project's own: its sources,
# tests, examples and the code its build plugin generates; not the dependencies' checkouts, nor
# SwiftPM's notice of files a dependency leaves undeclared (swift-distributed-tracing's CMakeLists.txt).
project_warnings() {
    local log=$1 checkouts=$2 dependency
    local notices=()
    for dependency in "$checkouts"/*; do
        [ -d "$dependency" ] && notices+=(-e "warning: '$(basename "$dependency" | tr '[:upper:]' '[:lower:]')': found ")
    done
    grep -E "warning: " "$log" | grep -v "/.build/checkouts/" | { if [ ${#notices[@]} -gt 0 ]; then grep -v -F "${notices[@]}"; else cat; fi; } |
        sort -u || true
}

echo "== swift build"
mkdir -p .build
swift build --build-tests 2>&1 | tee .build/swift-build.log
# Warnings are errors for the project's own code.
if project_warnings .build/swift-build.log .build/checkouts | grep -q .; then
    echo "== warnings (errors in the test command)"
    project_warnings .build/swift-build.log .build/checkouts | head -40
    exit 1
fi

# Runs `swift test --skip-build` with the given filter arguments into .build/$1.log.
run_swift_tests() {
    local log=".build/$1.log"
    shift
    local test_status=0
    swift test --skip-build "$@" 2>&1 | tee "$log" || test_status=$?
    if [ "$test_status" -ne 0 ] || ! grep -q "Test run with .* passed" "$log"; then
        # The log interleaves hundreds of lines; repeat what failed where a CI tail shows it.
        echo "== failed tests (swift test exited with $test_status)"
        grep -E "✘|recorded an issue|error:|Fatal error" "$log" | head -60
        exit 1
    fi
}

echo "== swift test"
# At most 8 tests at a time: unbounded, every suite starts at once (dozens of dev servers and
# Python peers on 2 cores), and in-process workers starved at the start missed their 3-4 s
# activity and task timeouts. The whole run takes as long either way (about 130 s, CPU-bound).
run_swift_tests swift-test --skip ChaosSoakTests --experimental-maximum-parallelization-width 8
# The chaos soak loads both cores on its own (a dev server, three workers, a fault proxy); run
# beside the other suites it would slow their bounded waits and they its latencies.
echo "== chaos soak (bounded form: 300 workflows, 60 s of faults; Tests/ChaosSoakTests/README.md)"
run_swift_tests swift-test-chaos --filter ChaosSoakTests

echo "== build plugin on Examples/Consumer"
Tests/PluginTests/check_build_plugin.sh

echo "== Examples/Observability: a worker with tracing, encryption, the codec server and Prometheus"
# A package of its own (swift-otel and swift-prometheus stay out of the root package): build it
# with the same no-warnings rule, then run it against a dev server (its smoke.sh: metrics scraped,
# a history payload decoded through the codec server, spans received).
swift build --package-path Examples/Observability 2>&1 | tee .build/observability-build.log
if project_warnings .build/observability-build.log Examples/Observability/.build/checkouts | grep -q .; then
    project_warnings .build/observability-build.log Examples/Observability/.build/checkouts | head -40
    exit 1
fi
Examples/Observability/smoke.sh

echo "== JSON Schema"
.venv/bin/python Tests/SchemaTests/check_schema.py

# The DocC documentation of every module with a catalog; any DocC warning fails (Scripts/build-docs.sh).
Scripts/build-docs.sh

# The benchmarks are a package of their own that the steps above never build: check that each one
# compiles without warnings and answers `--help` (their figures come from release runs by hand:
# Benchmarks/README.md).
echo "== benchmarks build and answer --help"
swift build --package-path Benchmarks 2>&1 | tee .build/benchmarks-build.log
if project_warnings .build/benchmarks-build.log Benchmarks/.build/checkouts | grep -q .; then
    project_warnings .build/benchmarks-build.log Benchmarks/.build/checkouts | head -40
    exit 1
fi
benchmarks_bin=$(swift build --package-path Benchmarks --show-bin-path)
for benchmark in $(swift package --package-path Benchmarks describe --type json |
    python3 -c 'import json, sys; print(" ".join(p["name"] for p in json.load(sys.stdin)["products"] if "executable" in p["type"]))'); do
    "$benchmarks_bin/$benchmark" --help >/dev/null || {
        echo "$benchmark --help failed" >&2
        exit 1
    }
    echo "$benchmark --help: ok"
done
