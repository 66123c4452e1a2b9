#!/usr/bin/env bash
# Regenerates the golden Swift files of every fixture contract (the examples are fixtures too), which the GeneratedCodeTests target
# compiles and the golden tests compare against, and the golden exports of the examples (Tests/Fixtures/Export: JSON Schemas and
# manifests, which ExportTests compare against). Review the diff before committing it.
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

# The Markdown documentation of the examples (DocumentationGoldenTests compare it, GeneratedCodeTests
# decode its example payloads with the generated types).
docs=Tests/TemporalContractsGeneratorTests/Fixtures/docs
rm -rf "$docs" && mkdir -p "$docs"
"$cli" docs Examples/Contracts/orders.temporal.yaml Examples/Proto/payments/v1/payments.proto -I Examples/Proto \
  --output "$docs" >/dev/null

# Run from the repository root: manifests state contract files relative to the working directory.
exports=Tests/Fixtures/Export
rm -rf "$exports" && mkdir -p "$exports"
for format in json-schema manifest; do
  "$cli" export Examples/Contracts/orders.temporal.yaml --format "$format" --output "$exports" >/dev/null
  "$cli" export Examples/Proto/payments/v1/payments.proto -I Examples/Proto --format "$format" --output "$exports" >/dev/null
done

# The swift-protobuf messages the proto fixture's golden code uses.
swift build -c release --product protoc-gen-swift --scratch-path .build-protoc-gen-swift >/dev/null
mkdir -p "$messages"
protoc --plugin=protoc-gen-swift="$root/.build-protoc-gen-swift/release/protoc-gen-swift" \
  --swift_out="$messages" --swift_opt=Visibility=Public -I Examples/Proto -I Schemas payments/v1/payments.proto
echo "goldens written to $goldens and $exports"

# The breaking-change reports of the contract-evolution fixtures, with the command CompatibilityTests runs.
evolution=Tests/TemporalContractsGeneratorTests/Fixtures/evolution
for case in "$evolution"/*/; do
  if [ -d "$case/old" ]; then
    (cd "$case" && "$cli" breaking new/shop.proto -I new --against old >expected.txt || true)
  else
    (cd "$case" && "$cli" breaking new.temporal.yaml --against old.temporal.yaml >expected.txt || true)
  fi
done
# The two versions of the round-trip contract, as separate modules.
for version in 1 2; do
  rm -rf Tests/ContractEvolution/V$version && mkdir -p Tests/ContractEvolution/V$version
  "$cli" generate Tests/ContractEvolutionTests/Fixtures/v$version.temporal.yaml --outputs types \
    --output Tests/ContractEvolution/V$version >/dev/null
done
echo "evolution reports written to $evolution"
