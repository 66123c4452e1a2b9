"""Payload-size round trips through the Python Temporal SDK's payload converter, for ConverterBenchmark.

The Swift benchmark writes each case's payload data to a file and names the files in a spec (JSON):
`{"cases": [{"name": "json/1KB", "kind": "json" | "protobuf", "file": PATH}, ...]}`. For each case
this script decodes the Swift data into its value (an `ExecutionPage` dataclass for json/plain, a
`ListWorkflowExecutionsResponse` message for binary/protobuf), writes its own encoding of that value
to `PATH.python` (the Swift side decodes it back and compares values), then times round trips:
`to_payloads([value])` then `from_payloads(payloads, [type])`. JSON goes through
`temporalio.converter.default().payload_converter`; protobuf through a composite converter that puts
`BinaryProtoPayloadConverter` before the JSON one (the default sends messages as json/protobuf).
The last line of stdout is one JSON object: per case, round trips per second of each run.

    python converter_sizes.py --spec FILE [--runs 1] [--seconds 1.0] [--warmup 0.3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import enum
import json
import os
import platform
import sys
import time
from importlib import metadata
from typing import Dict, List, Optional

import temporalio.converter
from temporalio.api.common.v1 import Payload
from temporalio.api.workflowservice.v1 import ListWorkflowExecutionsResponse


class ExecutionStatus(str, enum.Enum):
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


@dataclasses.dataclass
class ExecutionRecord:
    workflow_id: str
    run_id: str
    workflow_type: str
    task_queue: str
    status: ExecutionStatus
    start_time: datetime.datetime
    history_length: int
    state_transitions: int
    cost: float
    tags: Dict[str, str]
    note: Optional[str]


@dataclasses.dataclass
class ExecutionPage:
    executions: List[ExecutionRecord]
    next_page_token: Optional[str]


def converters():
    json_converter = temporalio.converter.default().payload_converter
    protobuf_converter = temporalio.converter.CompositePayloadConverter(
        temporalio.converter.BinaryNullPayloadConverter(),
        temporalio.converter.BinaryPlainPayloadConverter(),
        temporalio.converter.BinaryProtoPayloadConverter(),
        temporalio.converter.JSONPlainPayloadConverter(),
    )
    return {"json": (json_converter, ExecutionPage), "protobuf": (protobuf_converter, ListWorkflowExecutionsResponse)}


def load_value(kind: str, data: bytes, converter, value_type):
    if kind == "json":
        payload = Payload(metadata={"encoding": b"json/plain"}, data=data)
    else:
        payload = Payload(
            metadata={
                "encoding": b"binary/protobuf",
                "messageType": ListWorkflowExecutionsResponse.DESCRIPTOR.full_name.encode(),
            },
            data=data,
        )
    (value,) = converter.from_payloads([payload], [value_type])
    return value


def round_trips(converter, value, value_type, count: int) -> None:
    to_payloads = converter.to_payloads
    from_payloads = converter.from_payloads
    values = [value]
    types = [value_type]
    for _ in range(count):
        from_payloads(to_payloads(values), types)


def timed_run(converter, value, value_type, seconds: float, batch: int) -> tuple[int, float]:
    done = 0
    start = time.perf_counter()
    while True:
        round_trips(converter, value, value_type, batch)
        done += batch
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done, elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", required=True)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--warmup", type=float, default=0.3)
    args = parser.parse_args()

    with open(args.spec) as spec_file:
        spec = json.load(spec_file)
    by_kind = converters()
    cases = []
    for case in spec["cases"]:
        converter, value_type = by_kind[case["kind"]]
        with open(case["file"], "rb") as data_file:
            value = load_value(case["kind"], data_file.read(), converter, value_type)
        (own,) = converter.to_payloads([value])
        (again,) = converter.from_payloads([own], [value_type])
        assert again == value, case["name"]
        with open(case["file"] + ".python", "wb") as out:
            out.write(own.data)
        cases.append((case, converter, value, value_type, len(own.data), own.metadata["encoding"].decode()))

    results = []
    for case, converter, value, value_type, size, encoding in cases:
        count, elapsed = timed_run(converter, value, value_type, args.warmup, 1)
        batch = max(1, int(count / elapsed / 100))
        rates = []
        for _ in range(args.runs):
            count, elapsed = timed_run(converter, value, value_type, args.seconds, batch)
            rates.append(count / elapsed)
        results.append({"name": case["name"], "encoding": encoding, "bytes": size, "rates": rates})

    result = {
        "python": platform.python_version(),
        "temporalio": metadata.version("temporalio"),
        "protobuf": metadata.version("protobuf"),
        "cases": results,
    }
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    # The temporalio bridge can abort interpreter shutdown after the work is done; skip it.
    os._exit(0)


if __name__ == "__main__":
    main()
