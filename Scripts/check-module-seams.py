#!/usr/bin/env python3
"""Fails when a module that must stay off the network reaches gRPC or SwiftNIO.

The engine and the test environment run workflow code from history to commands in-process; if
either depended on grpc-swift or NIO (directly or through another target of this package), every
user of the test environment would build and link the network stack. This reads the package
description (`swift package dump-package`), follows each guarded target's dependencies through
the package's own targets, and lists every path to a forbidden package.

Likewise only the determinism lint (its library, executable and tests) may reach swift-syntax: the
runtime, generator and CLI must not make their users build a Swift parser.

Run from the repository root: `python3 Scripts/check-module-seams.py`.
"""

import json
import subprocess
import sys

GUARDED_TARGETS = ["TemporalContracts", "TemporalContractsConversion", "TemporalAPI", "TemporalContractsEngine", "TemporalContractsTesting", "TemporalContractsTracing"]
FORBIDDEN_PACKAGES = ("grpc-swift", "swift-nio")
SYNTAX_PACKAGE = "swift-syntax"
SYNTAX_USERS = {"TemporalDeterminismLint", "temporal-determinism-lint", "TemporalDeterminismLintTests"}
# The runtime, worker, transport, generator and CLI must not make their users build the optional
# modules' packages (crypto for encryption, the HTTP server for the codec server, exporters).
CORE_TARGETS = GUARDED_TARGETS + ["TemporalContractsGRPC", "TemporalContractsWorker", "TemporalContractsGenerator", "temporal-contracts", "protoc-gen-swift-temporal"]
OPTIONAL_PACKAGES = ("swift-crypto", "hummingbird", "swift-otel", "swift-prometheus")


def dependencies(target):
    """(kind, name, package) of each dependency of a target in the dump-package JSON."""
    for dependency in target["dependencies"]:
        if "byName" in dependency:
            yield "target", dependency["byName"][0], None
        elif "target" in dependency:
            yield "target", dependency["target"][0], None
        elif "product" in dependency:
            yield "product", dependency["product"][0], dependency["product"][1]


def paths_to_packages(guarded, targets, forbidden):
    """Each dependency path from `guarded` through the package's targets to a package named with a `forbidden` prefix."""
    problems = []
    stack = [(guarded, [guarded])]
    seen = set()
    while stack:
        name, path = stack.pop()
        if name in seen or name not in targets:
            continue
        seen.add(name)
        for kind, dependency, package in dependencies(targets[name]):
            if kind == "target" or (package is None and dependency in targets):
                stack.append((dependency, path + [dependency]))
            elif package and package.startswith(forbidden):
                problems.append(f"{' → '.join(path)} → {dependency} ({package})")
    return problems


def main():
    description = json.loads(subprocess.run(["swift", "package", "dump-package"], check=True, capture_output=True, text=True).stdout)
    targets = {target["name"]: target for target in description["targets"]}
    problems = []
    for guarded in GUARDED_TARGETS:
        problems += paths_to_packages(guarded, targets, FORBIDDEN_PACKAGES)
    # Plugins only run the lint's executable at build time; every other target must stay off swift-syntax.
    syntax_problems = []
    for name, target in targets.items():
        if name not in SYNTAX_USERS and target["type"] != "plugin":
            syntax_problems += paths_to_packages(name, targets, (SYNTAX_PACKAGE,))
    if syntax_problems:
        print("module seams: only the determinism lint may reach swift-syntax:", file=sys.stderr)
        for problem in syntax_problems:
            print(f"  {problem}", file=sys.stderr)
    if problems:
        print("module seams: these modules must not reach gRPC or SwiftNIO:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
    optional_problems = []
    for core in CORE_TARGETS:
        optional_problems += paths_to_packages(core, targets, OPTIONAL_PACKAGES)
    if optional_problems:
        print(f"module seams: the core modules must not reach {', '.join(OPTIONAL_PACKAGES)}:", file=sys.stderr)
        for problem in optional_problems:
            print(f"  {problem}", file=sys.stderr)
    if problems or syntax_problems or optional_problems:
        sys.exit(1)
    print(f"module seams: {', '.join(GUARDED_TARGETS)} reach neither gRPC nor SwiftNIO")
    print(f"module seams: only {', '.join(sorted(SYNTAX_USERS))} reach swift-syntax")
    print(f"module seams: {', '.join(CORE_TARGETS)} reach none of {', '.join(OPTIONAL_PACKAGES)}")


if __name__ == "__main__":
    main()
