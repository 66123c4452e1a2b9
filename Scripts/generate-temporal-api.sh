#!/usr/bin/env bash
# Regenerates the Temporal API: its messages into Sources/TemporalAPI (protoc-gen-swift) and the
# workflow service client into Sources/TemporalContractsGRPC/Generated (protoc-gen-grpc-swift-2), from the descriptors compiled into the pinned
# `temporalio` wheel (Tests/requirements.txt). No upstream .proto file is copied.
#
# For a newer API: raise the `temporalio` pin in Tests/requirements.txt, run this script, build,
# and commit both folders.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
Scripts/bootstrap.sh

tools="$root/.build-api-codegen"
mkdir -p "$tools/package"
# A throwaway package that builds both protoc plugins at the versions Package.swift resolves.
cat > "$tools/package/Package.swift" <<'SWIFT'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "api-codegen-tools",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", exact: "2.4.1"),
    ]
)
SWIFT
swift build -c release --package-path "$tools/package" --scratch-path "$tools/build" \
  --product protoc-gen-swift
swift build -c release --package-path "$tools/package" --scratch-path "$tools/build" \
  --product protoc-gen-grpc-swift-2
bin="$tools/build/release"

descriptors="$tools/temporal-api.pb"
.venv/bin/python Scripts/extract-temporal-api-descriptors.py "$descriptors" > "$tools/files.txt"
# Well-known types come from SwiftProtobuf; google.api and the nexus/openapi annotations only carry
# options that the generated code never reads.
grep '^temporal/api/' "$tools/files.txt" | grep -v '^temporal/api/dependencies/' > "$tools/generate.txt"

output="$root/Sources/TemporalAPI/Generated"
rm -rf "$output"
mkdir -p "$output"
xargs protoc --descriptor_set_in="$descriptors" \
  --plugin=protoc-gen-swift="$bin/protoc-gen-swift" \
  --swift_out="$output" --swift_opt=Visibility=Public,FileNaming=PathToUnderscores \
  < "$tools/generate.txt"
# The client lives in the gRPC module so that the messages depend on SwiftProtobuf alone; the
# module mapping makes it import the messages' module.
client_output="$root/Sources/TemporalContractsGRPC/Generated"
rm -rf "$client_output"
mkdir -p "$client_output"
cat > "$tools/module-mappings.asciipb" <<'MAPPINGS'
mapping {
  module_name: "TemporalAPI"
  proto_file_path: "temporal/api/workflowservice/v1/request_response.proto"
}
MAPPINGS
protoc --descriptor_set_in="$descriptors" \
  --plugin=protoc-gen-grpc-swift="$bin/protoc-gen-grpc-swift-2" \
  --grpc-swift_out="$client_output" \
  --grpc-swift_opt=Visibility=Public,FileNaming=PathToUnderscores,Server=false,ProtoPathModuleMappings="$tools/module-mappings.asciipb" \
  temporal/api/workflowservice/v1/service.proto
echo "generated $(ls "$output" | wc -l) files into Sources/TemporalAPI/Generated and the client into $client_output"
