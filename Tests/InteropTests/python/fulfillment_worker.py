"""A Temporal worker for the Fulfillment contract, for the server-backed interop tests.

Usage:
    python fulfillment_worker.py --address 127.0.0.1:7233 [--namespace default] [--task-queue fulfillment]

Prints exactly one line, `READY`, to stdout once the worker is running, then runs until SIGTERM or
SIGINT and shuts down cleanly (exit code 0). Exits non-zero (message on stderr) when it cannot
connect within 30 seconds or the worker fails.
"""

import argparse
import os
import sys

# Make `fulfillment` and `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.worker import UnsandboxedWorkflowRunner, Worker  # noqa: E402

from fulfillment import TASK_QUEUE, WORKFLOWS  # noqa: E402
from peer import add_server_arguments, connect, run_script, run_workers  # noqa: E402


async def run(args: argparse.Namespace) -> int:
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
    add_server_arguments(parser)
    parser.add_argument("--task-queue", default=TASK_QUEUE)
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    run_script("fulfillment_worker", lambda: run(arguments))
