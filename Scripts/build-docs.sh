#!/usr/bin/env bash
# Builds the DocC documentation of every module with a catalog (Sources/<Module>/Documentation.docc)
# through swift-docc-plugin, with warnings as errors: a symbol link that does not resolve, a
# documented parameter that does not exist, a Topics entry naming a missing symbol all fail it.
# Every module is built even after one fails, so one run reports them all; the archives land in
# .build/docs/<Module>.doccarchive.
#
#   Scripts/build-docs.sh                      # every catalogued module
#   Scripts/build-docs.sh TemporalContracts    # only the modules named
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if [ $# -gt 0 ]; then
    modules=("$@")
else
    modules=()
    for catalog in Sources/*/Documentation.docc; do
        module=${catalog#Sources/}
        modules+=("${module%/Documentation.docc}")
    done
fi

mkdir -p .build/docs
failed=()
start=$(date +%s)
for module in "${modules[@]}"; do
    echo "== documentation of $module"
    log=.build/docs/$module.log
    # The plugin may only write into the package's .build; docc's own warnings are errors here.
    if ! swift package --allow-writing-to-directory .build/docs generate-documentation \
        --target "$module" \
        --output-path ".build/docs/$module.doccarchive" \
        --warnings-as-errors >"$log" 2>&1; then
        failed+=("$module")
    # The plugin's own warnings (e.g. a target without documentable symbols) are not docc's.
    elif grep -q "^warning:" "$log"; then
        failed+=("$module")
    fi
    # The diagnostics, without the build's progress lines.
    grep -vE '^\[[0-9]+/[0-9]+\]|^(Building for|Build of|Write |Compiling |Emitting )' "$log" | sed '/^$/d'
done

echo "== documentation built in $(( $(date +%s) - start )) s for ${#modules[@]} modules"
if [ ${#failed[@]} -gt 0 ]; then
    echo "documentation warnings or errors in: ${failed[*]} (logs in .build/docs/)"
    exit 1
fi
