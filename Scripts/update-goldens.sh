#!/usr/bin/env bash
# Regenerates the golden Swift files of every fixture contract (the examples are fixtures too), which the GeneratedCodeTests target
# compiles and the golden tests compare against. Review the diff before committing it.
# Needs protoc (apt-get install protobuf-compiler).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fixtures=Tests/TemporalContractsGeneratorTests/Fixtures/valid
goldens=Tests/GeneratedCodeTests/Generated
messages=Tests/GeneratedCodeTests/Messages

swift build --product temporal-contracts >/dev/null
cli=$(swift build --show-bin-path)/temporal-contracts
rm -rf "$goldens" && mkdir -p "$goldens"
for contract in Examples/Contracts/orders.temporal.yaml "$fixtures"/*.temporal.yaml; do
  "$cli" generate "$contract" --output "$goldens" >/dev/null
done
"$cli" generate Examples/Proto/payments/v1/payments.proto -I Examples/Proto --output "$goldens" >/dev/null

# The swift-protobuf messages the proto fixture's golden code uses.
swift build -c release --product protoc-gen-swift --scratch-path .build-protoc-gen-swift >/dev/null
mkdir -p "$messages"
protoc --plugin=protoc-gen-swift="$root/.build-protoc-gen-swift/release/protoc-gen-swift" \
  --swift_out="$messages" --swift_opt=Visibility=Public -I Examples/Proto -I Schemas payments/v1/payments.proto
echo "goldens written to $goldens"
