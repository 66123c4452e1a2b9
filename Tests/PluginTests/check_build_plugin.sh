#!/usr/bin/env bash
# Exercises the build plugin as a user meets it, on a copy of Examples/Consumer:
#   1. a clean build generates and the consumer's tests (mock client, mock activities) pass;
#   2. a build without changes does not run the generator again (checked before `swift test`,
#      which makes SwiftPM rebuild its host tools and so re-run every plugin command);
#   3. editing the contract regenerates;
#   4. a contract error fails the build with the error at the contract's file and line;
#   5. the command plugin writes the generated files into the target.
# Prints "N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$root/Examples/Consumer" "$work/Consumer"
rm -rf "$work/Consumer/.build"
# The copy depends on this checkout by absolute path.
sed -i "s|path: \"../..\"|path: \"$root\"|" "$work/Consumer/Package.swift"
cd "$work/Consumer"
contract=Sources/OrderService/Contracts/orders.temporal.yaml
passed=0
failed=0
check() {
  if [ "$1" = 0 ]; then passed=$((passed + 1)); echo "ok   $2"; else failed=$((failed + 1)); echo "FAIL $2"; fi
}

swift build --build-tests >build1.log 2>&1
status=$?
grep -q "Generating Swift from orders.temporal.yaml" build1.log
check $(( status != 0 || $? != 0 )) "a clean build runs the generator"
[ $status = 0 ] || tail -30 build1.log

# SwiftPM may rebuild its host tools (and so re-run plugin commands) on the build right after a
# clean one; from then on an unchanged package must not regenerate.
swift build --build-tests >build2.log 2>&1
swift build --build-tests >build2.log 2>&1
! grep -q "Generating Swift" build2.log
check $? "a build without changes does not regenerate"

swift test --skip-build >test.log 2>&1
check $? "the consumer's tests pass with the generated mocks"
grep -E "Test run with" test.log || tail -20 test.log

printf '\n# edited\n' >>"$contract"
swift build --build-tests >build3.log 2>&1
grep -q "Generating Swift from orders.temporal.yaml" build3.log
check $? "editing the contract regenerates"

sed -i 's/startToCloseTimeout: 30s/startToCloseTimeout: thirty seconds/' "$contract"
swift build --build-tests >build4.log 2>&1
status=$?
line=$(grep -n "startToCloseTimeout: thirty seconds" "$contract" | cut -d: -f1)
grep -qE "orders\.temporal\.yaml:$line:[0-9]+: error: 'thirty seconds' is not a valid duration" build4.log
located=$?
check $(( status == 0 || located != 0 )) "a contract error fails the build at orders.temporal.yaml:$line"
[ $located = 0 ] || tail -20 build4.log

# The command plugin writes the generated files into the package instead.
sed -i 's/startToCloseTimeout: thirty seconds/startToCloseTimeout: 30s/' "$contract"
swift package --allow-writing-to-package-directory generate-temporal-contracts --target OrderService >command.log 2>&1
test -f Sources/OrderService/Generated/Orders+Client.swift && grep -q "protocol ClientProtocol" Sources/OrderService/Generated/Orders+Client.swift
check $? "the command plugin writes the generated Swift into the target"
[ -f Sources/OrderService/Generated/Orders+Client.swift ] || tail -20 command.log

echo "$passed passed, $failed failed"
[ $failed = 0 ]
