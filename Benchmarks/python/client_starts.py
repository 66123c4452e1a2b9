"""Workflow starts through the Python Temporal SDK's client, for ClientStartBenchmark.

One `Client.connect`, then `--warmup` starts (not timed), then `--count` timed starts, each
`client.start_workflow("BenchWorkflow", {"customer": ..., "sequence": i}, id=..., task_queue=...)`
with its own workflow ID. `--concurrency` coroutines share one counter and each starts the next
workflow as soon as its previous start returns, so exactly that many starts are in flight. No
worker runs: a start only needs the server to record the workflow. The last line of stdout is one
JSON object; the Swift benchmark reads that line.

    python client_starts.py --address HOST:PORT [--namespace default] [--count 2000]
                            [--concurrency 64] [--warmup 200] [--id-prefix PREFIX]
                            [--task-queue bench-starts]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sys
import time
from importlib import metadata

from temporalio.client import Client

WORKFLOW_TYPE = "BenchWorkflow"


async def starts(
    client: Client, prefix: str, task_queue: str, first: int, count: int, concurrency: int
) -> list[float]:
    """Starts workflows `first ..< first + count`, `concurrency` at a time; returns each start's
    latency in seconds."""
    next_index = first
    end = first + count
    latencies: list[float] = []

    async def worker() -> None:
        nonlocal next_index
        while next_index < end:
            index = next_index
            next_index += 1
            began = time.perf_counter()
            await client.start_workflow(
                WORKFLOW_TYPE,
                {"customer": "bench", "sequence": index},
                id=f"{prefix}-{index}",
                task_queue=task_queue,
            )
            latencies.append(time.perf_counter() - began)

    await asyncio.gather(*(worker() for _ in range(min(concurrency, count))))
    return latencies


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


async def run(args: argparse.Namespace) -> dict:
    client = await Client.connect(args.address, namespace=args.namespace)
    if args.warmup > 0:
        await starts(client, f"{args.id_prefix}-warmup", args.task_queue, 0, args.warmup, args.concurrency)

    # The whole process's CPU time, the SDK core's Rust threads included.
    cpu_before = time.process_time()
    began = time.perf_counter()
    latencies = await starts(client, args.id_prefix, args.task_queue, 0, args.count, args.concurrency)
    elapsed = time.perf_counter() - began
    cpu = time.process_time() - cpu_before

    latencies.sort()
    return {
        "python": platform.python_version(),
        "temporalio": metadata.version("temporalio"),
        "count": args.count,
        "concurrency": args.concurrency,
        "warmup": args.warmup,
        "seconds": elapsed,
        "rate": args.count / elapsed,
        "cpu_seconds": cpu,
        "latency_p50_ms": percentile(latencies, 0.50) * 1000,
        "latency_p99_ms": percentile(latencies, 0.99) * 1000,
        "first_id": f"{args.id_prefix}-0",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", required=True)
    parser.add_argument("--namespace", default="default")
    parser.add_argument("--task-queue", default="bench-starts")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--id-prefix", default=f"bench-python-{os.getpid()}")
    args = parser.parse_args()

    result = asyncio.run(run(args))
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    # The temporalio bridge can abort interpreter shutdown (`Fatal Python error: PyGILState_Release`)
    # after the work is done; skip the shutdown.
    os._exit(0)


if __name__ == "__main__":
    main()
