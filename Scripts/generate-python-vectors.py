#!/usr/bin/env python3
"""Writes Tests/Fixtures/python-default-converter-vectors.json: the payloads that the Python SDK's
default payload converter (the temporalio release pinned in Tests/requirements.txt) writes for a
set of Python values, which the Swift runtime and generated-code tests decode and compare against.

Each case records the Python value's repr, the payload's metadata (keys sorted), its data in
base64 and as UTF-8 text; `multi_argument` holds the payloads of `to_payloads(["a", 1, None])`,
the positional arguments of a `workflow.execute(...)` call.

Run it with the virtual environment of Scripts/bootstrap.sh, from any directory:

    .venv/bin/python Scripts/generate-python-vectors.py           # rewrite the committed file
    .venv/bin/python Scripts/generate-python-vectors.py --check   # exit 1, with a diff, if it is stale
    .venv/bin/python Scripts/generate-python-vectors.py --output /tmp/vectors.json
"""
import argparse
import base64
import dataclasses
import datetime
import difflib
import enum
import json
import pathlib
import sys
import uuid
from typing import Any, Dict, List, Optional

import temporalio
from google.protobuf.duration_pb2 import Duration
from google.protobuf.timestamp_pb2 import Timestamp
from temporalio.api.common.v1 import Payload
from temporalio.converter import DataConverter

root = pathlib.Path(__file__).resolve().parent.parent
committed = root / "Tests" / "Fixtures" / "python-default-converter-vectors.json"


# The Python types of the cases, mirrored in Swift by Tests/TemporalContractsTests/PythonVectorTests.swift
# and by the `Interop` fixture contract (Tests/TemporalContractsGeneratorTests/Fixtures/valid/interop.temporal.yaml).
class Status(str, enum.Enum):
    OPEN = "open"
    CLOSED = "closed"


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


@dataclasses.dataclass
class LineItem:
    sku: str
    quantity: int
    unit_price: float


@dataclasses.dataclass
class Order:
    order_id: str
    customer_name: str
    items: List[LineItem]
    placed_at: datetime.datetime
    tracking_id: uuid.UUID
    status: Status
    color: Color
    note: Optional[str]
    tags: Dict[str, str]
    express: bool


TRACKING_ID = uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e")
UTC = datetime.timezone.utc

# (name, value), in the file's order. The Swift tests require every name here to have an
# expectation there, so add a case on both sides.
CASES: List[tuple] = [
    ("none", None),
    ("bytes", b"\x00\x01binary\xff"),
    ("string", "héllo / wörld"),
    ("int", 42),
    # Below -2^53: a decoder going through a double comes back one off.
    ("negative_int64", -9007199254740993),
    ("float", 3.25),
    ("bool", True),
    ("list_of_ints", [1, 2, 3]),
    # Keys out of order: Python's JSON encoder sorts them.
    ("dict", {"b": 1, "a": [True, None]}),
    ("datetime_utc", datetime.datetime(2026, 11, 22, 8, 30, 15, 123456, tzinfo=UTC)),
    ("datetime_no_fraction", datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)),
    ("uuid", TRACKING_ID),
    ("str_enum", Status.CLOSED),
    ("int_enum", Color.GREEN),
    (
        "dataclass_order",
        Order(
            order_id="o-1",
            customer_name="Ada Lovelace",
            items=[
                LineItem(sku="sku-1", quantity=2, unit_price=9.5),
                LineItem(sku="sku-2", quantity=1, unit_price=0.25),
            ],
            placed_at=datetime.datetime(2026, 11, 22, 8, 30, 15, tzinfo=UTC),
            tracking_id=TRACKING_ID,
            status=Status.OPEN,
            color=Color.RED,
            note=None,
            tags={"channel": "web"},
            express=False,
        ),
    ),
    ("proto_duration", Duration(seconds=90, nanos=500_000_000)),
    ("proto_timestamp", Timestamp(seconds=1763800215)),  # 2025-11-22T08:30:15Z
]

MULTI_ARGUMENT: List[Any] = ["a", 1, None]


def describe(payload: Payload) -> Dict[str, Any]:
    # Metadata keys sorted: the SDK's protobuf map has no stable order.
    return {
        "metadata": {key: payload.metadata[key].decode("utf-8") for key in sorted(payload.metadata)},
        "data_base64": base64.b64encode(payload.data).decode("ascii"),
    }


def vectors() -> str:
    converter = DataConverter.default.payload_converter
    cases = []
    for name, value in CASES:
        payload = converter.to_payload(value)
        cases.append(
            {
                "name": name,
                # A protobuf message's repr is its text format.
                "python_value": repr(value),
                **describe(payload),
                "data_text": payload.data.decode("utf-8", errors="replace"),
            }
        )
    document = {
        "producer": f"python temporalio {temporalio.__version__} default payload converter",
        "cases": cases,
        "multi_argument": [describe(p) for p in converter.to_payloads(MULTI_ARGUMENT)],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--output",
        type=pathlib.Path,
        default=committed,
        help=f"where to write (default: {committed.relative_to(root)})",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 with a unified diff when the file differs from what the SDK writes now",
    )
    args = parser.parse_args()
    text = vectors()

    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current == text:
            print(f"{args.output}: up to date with temporalio {temporalio.__version__}")
            return 0
        sys.stdout.writelines(
            difflib.unified_diff(
                current.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"{args.output} (committed)",
                tofile=f"{args.output} (temporalio {temporalio.__version__})",
            )
        )
        print(
            f"{args.output} differs from what temporalio {temporalio.__version__} writes; "
            "run Scripts/generate-python-vectors.py and commit the result",
            file=sys.stderr,
        )
        return 1

    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
