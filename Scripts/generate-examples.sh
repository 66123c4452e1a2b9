#!/usr/bin/env bash
# The main job, the whole loop: builds the `temporal-contracts` CLI, generates Swift from the
# example contracts (a YAML contract with an import, and a .proto contract) into
# Examples/Generated and their reference documentation into Examples/Docs, then runs the example
# contract end to end on a Temporal dev server (Examples/Demo's `order-demo`: a Swift worker
# serves the OrderService workflow and activities of Examples/Consumer, and the generated typed
# client starts, queries, updates and signals orders).
# Exits non-zero if any step fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

started=$SECONDS
step() {
    printf '\n== %s [%ds]\n' "$1" $((SECONDS - started))
}

step "bootstrap: protoc, and the Temporal CLI and Python tools in .venv"
Scripts/bootstrap.sh

# A debug build: 2 minutes from a clean checkout with its dependencies fetched, on 2 cores,
# against 4.5 (9 on a busy machine) for release; the output is the same, and generating the
# examples takes 50 ms either way.
step "building the temporal-contracts CLI (the first build fetches the dependencies and takes about 4 minutes)…"
swift build --product temporal-contracts
cli=$(swift build --show-bin-path)/temporal-contracts

step "generating Swift from the example contracts into Examples/Generated"
"$cli" generate Examples/Contracts/orders.temporal.yaml --output Examples/Generated/Orders
"$cli" generate Examples/Proto/payments/v1/payments.proto -I Examples/Proto --output Examples/Generated/Payments
echo "Swift files:"
find Examples/Generated -name '*.swift' | sort

# Reference documentation for the teams on the other side of the wire (wire names, options, an
# example JSON payload per type), as a static site and as Markdown; like Examples/Generated, not
# committed (the Markdown golden of the same contracts is, in the generator's test fixtures).
step "writing the example contracts' reference documentation into Examples/Docs"
for format in html markdown; do
    "$cli" docs Examples/Contracts/orders.temporal.yaml Examples/Proto/payments/v1/payments.proto -I Examples/Proto \
        --format "$format" --output "Examples/Docs/$format"
done
echo "open Examples/Docs/html/index.html in a browser"

# A package of its own (Examples/Demo, its own .build): its first build compiles gRPC, the
# Temporal API messages, and the CLI again for the build plugin that compiles the contract.
step "building the demo: a worker and a client of the example contract (the first build takes about 8 minutes)…"
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
build_demo() {
    swift build --package-path Examples/Demo --product order-demo 2>&1 | tee "$build_log"
}
if ! build_demo; then
    # When source files of this package are added, removed or moved, SwiftPM may keep the demo's
    # stale build plan (this package is a path dependency) and fail with "missing inputs" or
    # "cannot find type"; without the plan it plans again.
    grep -qE "because of missing inputs|cannot find type" "$build_log" || exit 1
    echo "(planning the demo's build again)"
    rm -f Examples/Demo/.build/*/debug/description.json
    build_demo
fi

step "running the demo on a dev server"
swift run --skip-build --package-path Examples/Demo order-demo

step "done"
