#!/usr/bin/env bash
# Builds the DocC documentation of every module with a catalog (Sources/<Module>/Documentation.docc)
# through swift-docc-plugin, with warnings as errors: a symbol link that does not resolve, a
# documented parameter that does not exist or a parameter list missing one, a Topics entry naming a
# missing symbol all fail it. Every module is built even after one fails, so one run reports them
# all; the archives land in .build/docs/<Module>.doccarchive, the full output in .build/docs/<Module>.log.
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
    # The plugin writes outside its own work folder only where it is allowed to; docc's warnings
    # are errors here. The plugin's own warnings (e.g. a target without documentable symbols) are
    # not docc's, so they are looked for in the output.
    ok=1
    swift package --allow-writing-to-directory .build/docs generate-documentation \
        --target "$module" \
        --output-path ".build/docs/$module.doccarchive" \
        --warnings-as-errors >"$log" 2>&1 || ok=0
    grep -q "^warning:" "$log" && ok=0
    # DocC's and the plugin's diagnostics with their source excerpts, without the build's progress
    # or the compiler's diagnostics (those start with a path; all of it is in the log).
    awk '
        /^(error|warning):/ { show = 1 }
        /^\// || /^\[[0-9]+\/[0-9]+\]/ || /^$/ || /^Extracting symbol/ { show = 0 }
        /^(Building documentation|Finished building documentation)/ { print; next }
        show { print }
    ' "$log"
    if [ $ok = 0 ]; then
        failed+=("$module")
        if grep -q '^/.*: error: ' "$log"; then
            echo "the module did not build; the first compiler errors:"
            grep '^/.*: error: ' "$log" | sort -u | head -5
        fi
    fi
done

echo "== documentation built in $(( $(date +%s) - start )) s for ${#modules[@]} modules"
if [ ${#failed[@]} -gt 0 ]; then
    echo "documentation warnings or errors in: ${failed[*]} (logs in .build/docs/)"
    exit 1
fi
