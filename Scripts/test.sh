#!/usr/bin/env bash
# The test command: sets up a fresh machine (Scripts/bootstrap.sh), then runs every test suite:
# the Swift tests (unit, golden, diagnostics, fuzz, command line, generated code, runtime wire
# compatibility), the build and command plugins on the consumer package, and the JSON Schema
# check of every example and fixture.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

Scripts/bootstrap.sh

echo "== swift test"
swift build --build-tests
swift test --skip-build 2>&1 | tee .build/swift-test.log || true
if ! grep -q "Test run with .* passed" .build/swift-test.log; then
    # The log interleaves hundreds of lines; repeat what failed where a CI tail shows it.
    echo "== failed tests"
    grep -E "✘|recorded an issue|error:|Fatal error" .build/swift-test.log | head -60
    exit 1
fi

echo "== build plugin on Examples/Consumer"
Tests/PluginTests/check_build_plugin.sh

echo "== JSON Schema"
.venv/bin/python Tests/SchemaTests/check_schema.py
