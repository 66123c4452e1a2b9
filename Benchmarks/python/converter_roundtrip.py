"""Round trips through the Python Temporal SDK's default payload converter, for ConverterBenchmark.

One round trip is `to_payloads([order])` then `from_payloads(payloads, [Order])` with
`temporalio.converter.default().payload_converter`, on the `dataclass_order` value of the interop
vectors. After a warm-up, each run repeats round trips in batches until at least `--seconds` have
passed (time.perf_counter) and records round trips per second. The last line of stdout is one JSON
object; the Swift benchmark reads that line.

    python converter_roundtrip.py [--runs 3] [--seconds 1.0] [--warmup 0.5]
                                  [--check-payload BASE64]   # a json/plain payload made elsewhere
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import datetime
import enum
import json
import os
import platform
import statistics
import sys
import time
import uuid
from importlib import metadata
from typing import Dict, List, Optional

import temporalio.converter
from temporalio.api.common.v1 import Payload


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


# The `dataclass_order` vector, field for field.
ORDER = Order(
    order_id="o-1",
    customer_name="Ada Lovelace",
    items=[
        LineItem(sku="sku-1", quantity=2, unit_price=9.5),
        LineItem(sku="sku-2", quantity=1, unit_price=0.25),
    ],
    placed_at=datetime.datetime(2026, 11, 22, 8, 30, 15, tzinfo=datetime.timezone.utc),
    tracking_id=uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e"),
    status=Status.OPEN,
    color=Color.RED,
    note=None,
    tags={"channel": "web"},
    express=False,
)


def round_trips(converter, count: int) -> None:
    to_payloads = converter.to_payloads
    from_payloads = converter.from_payloads
    order = ORDER
    types = [Order]
    for _ in range(count):
        payloads = to_payloads([order])
        from_payloads(payloads, types)


def timed_run(converter, seconds: float, batch: int) -> tuple[int, float]:
    """Round trips in batches until `seconds` have passed; returns (round trips, elapsed seconds)."""
    done = 0
    start = time.perf_counter()
    while True:
        round_trips(converter, batch)
        done += batch
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done, elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--warmup", type=float, default=0.5)
    parser.add_argument("--check-payload", help="base64 json/plain data to decode as Order and compare")
    args = parser.parse_args()

    converter = temporalio.converter.default().payload_converter

    # Correctness first: the value survives the round trip, and the payload is what the vector holds.
    payloads = converter.to_payloads([ORDER])
    (decoded,) = converter.from_payloads(payloads, [Order])
    assert decoded == ORDER, decoded
    payload = payloads[0]
    result: dict = {
        "python": platform.python_version(),
        "temporalio": metadata.version("temporalio"),
        "protobuf": metadata.version("protobuf"),
        "metadata": {k: v.decode() for k, v in payload.metadata.items()},
        "payload_base64": base64.b64encode(payload.data).decode(),
    }
    if args.check_payload is not None:
        foreign = Payload(
            metadata={"encoding": b"json/plain"}, data=base64.b64decode(args.check_payload)
        )
        try:
            (value,) = converter.from_payloads([foreign], [Order])
            result["check_payload_equal"] = value == ORDER
            if value != ORDER:
                result["check_payload_error"] = f"decoded to {value!r}"
        except Exception as error:  # reported to the Swift side, not raised
            result["check_payload_equal"] = False
            result["check_payload_error"] = f"{type(error).__name__}: {error}"

    # Warm-up, which also sizes the batch to about 10 ms so the clock is read rarely.
    count, elapsed = timed_run(converter, args.warmup, 100)
    batch = max(1, int(count / elapsed / 100))

    rates = []
    for _ in range(args.runs):
        count, elapsed = timed_run(converter, args.seconds, batch)
        rates.append(count / elapsed)
    result.update(
        runs=args.runs,
        seconds_per_run=args.seconds,
        rates=[round(rate, 1) for rate in rates],
        best=round(max(rates), 1),
        median=round(statistics.median(rates), 1),
    )
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    # The temporalio bridge can abort interpreter shutdown (`Fatal Python error: PyGILState_Release`)
    # after the work is done; skip the shutdown.
    os._exit(0)


if __name__ == "__main__":
    main()
