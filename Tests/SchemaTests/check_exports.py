#!/usr/bin/env python3
"""Checks what `temporal-contracts export` writes, as other teams' tools will read it.

Reads one JSON object on standard input: {"schemas": {name: document}, "manifests": {name:
document}} (the export tests send every example and fixture contract). Every schema must be a valid
draft 2020-12 schema whose `$ref`s all resolve inside the document; every manifest must be valid
against Schemas/contract-manifest.schema.json. Prints one JSON object: {"checked": N, "problems":
[...]}; exits non-zero when there are problems.

Needs the `jsonschema` package (Tests/requirements.txt).
"""

import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable

ROOT = Path(__file__).resolve().parents[2]
MANIFEST_SCHEMA = ROOT / "Schemas" / "contract-manifest.schema.json"


def references(node):
    """Every `$ref` in a document, annotations (`x-temporal`) included: they point into `$defs` too."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(node, list):
        for value in node:
            yield from references(value)


def check_schema(name, document):
    problems = []
    try:
        Draft202012Validator.check_schema(document)
    except SchemaError as error:
        return [f"{name}: not a valid draft 2020-12 schema: {error.message}"]
    if document.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        problems.append(f"{name}: $schema is {document.get('$schema')!r}")
    resource = Resource.from_contents(document)
    resolver = Registry().with_resource(document["$id"], resource).resolver(base_uri=document["$id"])
    for reference in sorted(set(references(document))):
        try:
            resolver.lookup(reference)
        except Unresolvable:
            problems.append(f"{name}: $ref {reference} does not resolve inside the document")
    return problems


def check_manifest(name, document, validator):
    return [f"{name}: at /{'/'.join(str(part) for part in error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]


def main():
    bundle = json.load(sys.stdin)
    manifest_schema = json.loads(MANIFEST_SCHEMA.read_text(encoding="utf-8"))
    problems = []
    try:
        Draft202012Validator.check_schema(manifest_schema)
    except SchemaError as error:
        problems.append(f"{MANIFEST_SCHEMA.name}: not a valid draft 2020-12 schema: {error.message}")
    validator = Draft202012Validator(manifest_schema)
    checked = 0
    for name, document in sorted(bundle.get("schemas", {}).items()):
        problems += check_schema(name, document)
        checked += 1
    for name, document in sorted(bundle.get("manifests", {}).items()):
        problems += check_manifest(name, document, validator)
        checked += 1
    print(json.dumps({"checked": checked, "problems": problems}))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
