"""A Temporal worker for the Python half of the Trips contract, for the workflow-worker interop tests.

Usage:
    python trips_worker.py --address 127.0.0.1:7233 [--namespace default] [--task-queue trips-python]

Environment: TRIPS_CLEANUP_LOG (where RecordCleanup appends tokens), TRIPS_SWIFT_QUEUE (the task
queue of Swift's Greet, default trips-swift). Prints `READY` once polling, runs until SIGTERM.
"""

import argparse
import os
import sys

# Make `trips` and `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.worker import UnsandboxedWorkflowRunner, Worker  # noqa: E402

from peer import add_server_arguments, connect, run_script, run_workers  # noqa: E402
from trips import ACTIVITIES, TASK_QUEUE, WORKFLOWS  # noqa: E402


async def run(args: argparse.Namespace) -> int:
    client = await connect(args.address, args.namespace)
    # Unsandboxed: PlanTrip reads TRIPS_SWIFT_QUEUE from the environment, which the sandbox forbids.
    worker = Worker(
        client,
        task_queue=args.task_queue,
        workflows=WORKFLOWS,
        activities=ACTIVITIES,
        workflow_runner=UnsandboxedWorkflowRunner(),
    )
    return await run_workers([worker])


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Trips contract worker, Python half (temporalio)")
    add_server_arguments(parser)
    parser.add_argument("--task-queue", default=TASK_QUEUE)
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    run_script("trips_worker", lambda: run(arguments))
