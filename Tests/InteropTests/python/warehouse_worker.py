"""A Temporal worker for the Warehouse contract's Python side, for the server-backed interop tests.

Usage:
    python warehouse_worker.py --address 127.0.0.1:7233 [--namespace default]
        [--workflow-task-queue warehouse-workflows]
        [--noop-task-queue Q [--max-concurrent-activities 100]]

Runs the contract's workflows (ReserveViaSwift, FailViaSwift, RetryViaSwift, CancelViaSwift,
HeartbeatTimeoutViaSwift, RunNoops) on `--workflow-task-queue`; they call the Swift activities on
task queue `warehouse-activities`. With `--noop-task-queue Q` it ALSO runs a second worker on Q
that has only the Python `Noop` activity (at most `--max-concurrent-activities` at a time), for
the benchmark.

Prints exactly one line, `READY`, to stdout once every worker is running, then runs until SIGTERM
or SIGINT and shuts down cleanly (exit code 0). Exits non-zero (message on stderr) when it cannot
connect within 30 seconds or a worker fails.
"""

import argparse
import os
import sys

# Make `warehouse` and `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.worker import UnsandboxedWorkflowRunner, Worker  # noqa: E402

from peer import add_server_arguments, connect, run_script, run_workers  # noqa: E402
from warehouse import ACTIVITIES, WORKFLOW_TASK_QUEUE, WORKFLOWS  # noqa: E402


async def run(args: argparse.Namespace) -> int:
    client = await connect(args.address, args.namespace)
    # The workflow sandbox is disabled on purpose: see the module docstring of warehouse.py.
    workers = [
        Worker(
            client,
            task_queue=args.workflow_task_queue,
            workflows=WORKFLOWS,
            workflow_runner=UnsandboxedWorkflowRunner(),
        )
    ]
    if args.noop_task_queue:
        # Only the Python Noop activity (async, so it needs no activity executor).
        workers.append(
            Worker(
                client,
                task_queue=args.noop_task_queue,
                activities=ACTIVITIES,
                max_concurrent_activities=args.max_concurrent_activities,
            )
        )
    return await run_workers(workers)


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Warehouse contract worker (temporalio)")
    add_server_arguments(parser)
    parser.add_argument(
        "--workflow-task-queue",
        default=WORKFLOW_TASK_QUEUE,
        help="task queue of the contract's workflows (default: %(default)s)",
    )
    parser.add_argument(
        "--noop-task-queue",
        default=None,
        help="also run a worker with only the Python Noop activity on this task queue",
    )
    parser.add_argument(
        "--max-concurrent-activities",
        type=int,
        default=100,
        help="max concurrent activities of the Noop worker (default: %(default)s)",
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    run_script("warehouse_worker", lambda: run(arguments))
