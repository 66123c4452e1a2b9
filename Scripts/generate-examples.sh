#!/usr/bin/env bash
# The main job: builds the `temporal-contracts` CLI and generates Swift from the example contracts
# (a YAML contract with an import, and a .proto contract) into Examples/Generated.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

Scripts/bootstrap.sh
swift build -c release --product temporal-contracts
cli=$(swift build -c release --show-bin-path)/temporal-contracts

"$cli" generate Examples/Contracts/orders.temporal.yaml --output Examples/Generated/Orders
"$cli" generate Examples/Proto/payments/v1/payments.proto -I Examples/Proto --output Examples/Generated/Payments
echo "Swift files:"
find Examples/Generated -name '*.swift' | sort
