#!/usr/bin/env bash
# Builds the DocC documentation of every module with a catalog (Sources/<Module>/Documentation.docc)
# through swift-docc-plugin, with warnings as errors: a symbol link that does not resolve, a
# documented parameter that does not exist or a parameter list missing one, a Topics entry naming a
# missing symbol all fail it. The archives land in .build/docs/<Module>.doccarchive.
#
#   Scripts/build-docs.sh                      # every catalogued module
#   Scripts/build-docs.sh TemporalContracts    # only the modules named
#
# All modules are built by one plugin run (each `swift package` run costs a package load and a check
# of the plugins' tools). That run stops at the first module that fails, so after a failure every
# module is built alone, to report the problems of all of them at once.
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
start=$(date +%s)

# Runs the plugin for the modules given, output into $log; fails on an error or on any warning. The
# plugin writes outside its own work folder only where it is allowed to; docc's warnings are errors
# here, and the plugin's own warnings (e.g. a target without documentable symbols) are looked for in
# the output.
generate() {
    local log=$1 output=$2
    shift 2
    local targets=()
    for module in "$@"; do targets+=(--target "$module"); done
    swift package --allow-writing-to-directory .build/docs generate-documentation "${targets[@]}" \
        --output-path "$output" --warnings-as-errors >"$log" 2>&1 || return 1
    # SwiftPM's notes about a dependency's own files (swift-distributed-tracing ships a
    # CMakeLists.txt it does not list) are not ours to fix.
    ! grep "^warning:" "$log" | grep -vq "^warning: '[^']*': found [0-9]* file(s) which are unhandled"
}

# DocC's and the plugin's diagnostics with their source excerpts, without the build's progress or
# the compiler's diagnostics (those start with a path; all of it is in the log); after a failure,
# also the first compiler errors, if a module did not build.
report() {
    local log=$1
    awk '
        /^(error|warning):/ { show = 1 }
        /^\// || /^\[[0-9]+\/[0-9]+\]/ || /^$/ || /^Extracting symbol/ { show = 0 }
        /^Finished building documentation/ { print; next }
        show { print }
    ' "$log"
    if [ "${2:-}" = failed ] && grep -q '^/.*: error: ' "$log"; then
        echo "a module did not build; the first compiler errors:"
        grep '^/.*: error: ' "$log" | sort -u | head -5
    fi
}

echo "== documentation of ${modules[*]}"
if [ ${#modules[@]} -eq 1 ]; then
    output=.build/docs/${modules[0]}.doccarchive
else
    output=.build/docs
fi
if generate .build/docs/docs.log "$output" "${modules[@]}"; then
    report .build/docs/docs.log
    echo "== documentation built in $(( $(date +%s) - start )) s for ${#modules[@]} modules, no warnings"
    exit 0
fi

report .build/docs/docs.log failed
if [ ${#modules[@]} -eq 1 ]; then
    echo "documentation warnings or errors in: ${modules[0]} (log: .build/docs/docs.log)"
    exit 1
fi
echo "== the documentation build failed; building each module alone to report every problem"
failed=()
for module in "${modules[@]}"; do
    echo "== documentation of $module"
    if ! generate ".build/docs/$module.log" ".build/docs/$module.doccarchive" "$module"; then
        failed+=("$module")
        report ".build/docs/$module.log" failed
    fi
done
echo "== documentation built in $(( $(date +%s) - start )) s"
echo "documentation warnings or errors in: ${failed[*]:-none alone; see .build/docs/docs.log} (logs in .build/docs/)"
exit 1
