#!/usr/bin/env bash
# Regenerates the Swift messages for Schemas/temporal/v1/temporal.proto, which the generator uses
# to read `temporal.v1` options from descriptor sets. Run after changing that file.
# Needs protoc and builds protoc-gen-swift from the swift-protobuf version Package.swift resolves.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
swift build -c release --product protoc-gen-swift --scratch-path .build-protoc-gen-swift >/dev/null
plugin="$root/.build-protoc-gen-swift/release/protoc-gen-swift"
out=Sources/TemporalContractsGenerator/Loader/Proto/Generated
mkdir -p "$out"
protoc --plugin=protoc-gen-swift="$plugin" --swift_out="$out" --swift_opt=Visibility=Internal \
  -I Schemas temporal/v1/temporal.proto
echo "wrote $out/temporal/v1/temporal.pb.swift"
