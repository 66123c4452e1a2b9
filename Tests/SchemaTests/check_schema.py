#!/usr/bin/env python3
"""Checks Schemas/temporal-contract.schema.json against the contracts in the repository.

Every *.temporal.yaml under Examples/ and Tests/TemporalContractsGeneratorTests/Fixtures/valid/
must be accepted; every Tests/SchemaTests/invalid/*.temporal.yaml must be rejected. Prints one
line per file and a final "N passed, M failed" line; exits non-zero if anything failed or if no
valid contract was found at all.

Needs the `jsonschema` and `PyYAML` packages. Takes no arguments.
"""

import json
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, best_match

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "Schemas" / "temporal-contract.schema.json"
VALID_DIRS = [
    ROOT / "Examples",
    ROOT / "Tests" / "TemporalContractsGeneratorTests" / "Fixtures" / "valid",
]
INVALID_DIR = ROOT / "Tests" / "SchemaTests" / "invalid"


class ContractLoader(yaml.SafeLoader):
    """SafeLoader that reads the way the generator's parser does where it matters here:
    dates stay strings (the generator has no date scalars) and duplicate keys are errors."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


ContractLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def relative(path):
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def describe(error):
    location = "/" + "/".join(str(part) for part in error.absolute_path)
    return f"at {location}: {error.message}"


def first_error(validator, path):
    """None if the file is accepted, otherwise why it is not."""
    try:
        document = yaml.load(path.read_text(encoding="utf-8"), Loader=ContractLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return "unreadable YAML: " + " ".join(str(error).split())
    error = best_match(validator.iter_errors(document))
    return None if error is None else describe(error)


def main():
    passed = failed = 0
    try:
        schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, SchemaError) as error:
        reason = error.message if isinstance(error, SchemaError) else str(error)
        print(f"FAIL {relative(SCHEMA_PATH)}: not a valid draft 2020-12 schema: {reason}")
        print("0 passed, 1 failed")
        return 1
    validator = Draft202012Validator(schema)

    valid_files = sorted({path for folder in VALID_DIRS if folder.is_dir() for path in folder.rglob("*.temporal.yaml")})
    invalid_files = sorted(INVALID_DIR.glob("*.temporal.yaml")) if INVALID_DIR.is_dir() else []

    for path in valid_files:
        reason = first_error(validator, path)
        if reason is None:
            passed += 1
            print(f"ok   {relative(path)}: accepted")
        else:
            failed += 1
            print(f"FAIL {relative(path)}: should be accepted, but {reason}")

    for path in invalid_files:
        reason = first_error(validator, path)
        if reason is None:
            failed += 1
            print(f"FAIL {relative(path)}: should be rejected, but the schema accepts it")
        elif reason.startswith("unreadable YAML"):
            failed += 1
            print(f"FAIL {relative(path)}: {reason} (an invalid sample must still be well-formed YAML)")
        else:
            passed += 1
            print(f"ok   {relative(path)}: rejected {reason}")

    if not valid_files:
        print("FAIL no valid contract found under " + ", ".join(relative(folder) for folder in VALID_DIRS))
    if not invalid_files:
        print(f"note: no invalid samples found in {relative(INVALID_DIR)}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not valid_files else 0


if __name__ == "__main__":
    sys.exit(main())
