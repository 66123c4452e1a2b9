"""A Temporal worker for the Fulfillment contract, for the server-backed interop tests.

Usage:
    python fulfillment_worker.py --address 127.0.0.1:7233 [--namespace default] [--task-queue fulfillment]

Prints exactly one line, `READY`, to stdout once the worker is running, then runs until SIGTERM or
SIGINT and shuts down cleanly (exit code 0). Exits non-zero (message on stderr) when it cannot
connect within 30 seconds or the worker fails.
"""

import argparse
import asyncio
import os
import sys

# Make `fulfillment` and `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.worker import UnsandboxedWorkflowRunner, Worker  # noqa: E402

from fulfillment import TASK_QUEUE, WORKFLOWS  # noqa: E402
from peer import connect, exit_now, log_to_stderr, run_workers  # noqa: E402


async def main(args: argparse.Namespace) -> int:
    client = await connect(args.address, args.namespace)
    # The workflow sandbox is disabled on purpose: see the module docstring of fulfillment.py.
    worker = Worker(
        client,
        task_queue=args.task_queue,
        workflows=WORKFLOWS,
        workflow_runner=UnsandboxedWorkflowRunner(),
    )
    return await run_workers([worker])


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Fulfillment contract worker (temporalio)")
    parser.add_argument("--address", default="127.0.0.1:7233", help="HOST:PORT of the frontend")
    parser.add_argument("--namespace", default="default")
    parser.add_argument("--task-queue", default=TASK_QUEUE)
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    log_to_stderr()
    try:
        status = asyncio.run(main(arguments))
    except Exception as err:  # noqa: BLE001
        print(f"fulfillment_worker: {type(err).__name__}: {err}", file=sys.stderr)
        exit_now(1)
    exit_now(status)
