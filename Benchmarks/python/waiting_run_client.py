"""The Python client side of WaitingRunsBenchmark's latency measurement: for each workflow ID, the
same round trip as the Swift client — signal `Poke` with a token, then the `Read` update, timed
until its result returns (which must be the token). Round trips run one at a time.

Usage: python waiting_run_client.py --address HOST:PORT --ids ID [ID ...]
Prints one JSON object last: {"latencies_ms": [...]}.
"""

import argparse
import asyncio
import json
import os
import time
import uuid

from temporalio.client import Client


async def run(args: argparse.Namespace) -> None:
    client = await Client.connect(args.address, namespace="default")
    latencies = []
    for workflow_id in args.ids:
        handle = client.get_workflow_handle(workflow_id)
        token = uuid.uuid4().hex
        started = time.perf_counter()
        await handle.signal("Poke", token)
        value = await handle.execute_update("Read", token, result_type=str)
        latencies.append((time.perf_counter() - started) * 1000)
        if value != token:
            raise RuntimeError(f"Read on {workflow_id} returned {value!r}, expected {token!r}")
    print(json.dumps({"latencies_ms": latencies}), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="WaitingRun benchmark client (temporalio)")
    parser.add_argument("--address", required=True)
    parser.add_argument("--ids", nargs="+", required=True)
    asyncio.run(run(parser.parse_args()))
    os._exit(0)
