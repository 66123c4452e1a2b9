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
import asyncio
import logging
import os
import signal
import sys
import time

# Make `warehouse` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.client import Client  # noqa: E402
from temporalio.runtime import (  # noqa: E402
    LogForwardingConfig,
    LoggingConfig,
    Runtime,
    TelemetryConfig,
    TelemetryFilter,
)
from temporalio.worker import UnsandboxedWorkflowRunner, Worker  # noqa: E402

from warehouse import ACTIVITIES, WORKFLOW_TASK_QUEUE, WORKFLOWS  # noqa: E402

CONNECT_TIMEOUT_SECONDS = 30.0


def log_to_stderr() -> None:
    """Sends Python's and temporalio Core's (Rust) logs to stderr, keeping stdout for our output.

    Core otherwise writes its own log lines (e.g. "WARN temporalio_sdk_core::worker::workflow: Task
    not found when completing") straight to the console, and they were seen on stdout.
    """
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    Runtime.set_default(
        Runtime(
            telemetry=TelemetryConfig(
                logging=LoggingConfig(
                    filter=TelemetryFilter(core_level="WARN", other_level="ERROR"),
                    forwarding=LogForwardingConfig(logger=logging.getLogger("temporalio.core")),
                )
            )
        )
    )


async def connect(address: str, namespace: str) -> Client:
    """Connects, retrying for up to 30 seconds while the server may still be starting."""
    deadline = time.monotonic() + CONNECT_TIMEOUT_SECONDS
    while True:
        try:
            return await Client.connect(address, namespace=namespace)
        except Exception as err:
            if time.monotonic() >= deadline:
                raise RuntimeError(
                    f"could not connect to {address} within {CONNECT_TIMEOUT_SECONDS:.0f}s: {err}"
                ) from err
            await asyncio.sleep(0.5)


async def main(args: argparse.Namespace) -> int:
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

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    run_tasks = [asyncio.create_task(worker.run()) for worker in workers]

    def any_done() -> bool:
        return any(task.done() for task in run_tasks)

    async def stop_all() -> None:
        # `shutdown` is safe before or after a worker started (and after it failed).
        await asyncio.gather(*(worker.shutdown() for worker in workers))
        await asyncio.gather(*run_tasks, return_exceptions=True)

    # `run` first validates the worker against the server (a namespace check), then starts polling.
    while not all(w.is_running for w in workers) and not any_done() and not stop.is_set():
        await asyncio.sleep(0.05)
    if any_done():
        failed = next(task for task in run_tasks if task.done())
        await stop_all()
        failed.result()  # raises the worker's failure
        print("worker stopped before it was running", file=sys.stderr)
        return 1
    if all(w.is_running for w in workers):
        print("READY", flush=True)

    stop_task = asyncio.create_task(stop.wait())
    await asyncio.wait({*run_tasks, stop_task}, return_when=asyncio.FIRST_COMPLETED)
    if any_done():
        stop_task.cancel()
        failed = next(task for task in run_tasks if task.done())
        await stop_all()
        failed.result()  # raises the worker's failure
        print("worker stopped unexpectedly", file=sys.stderr)
        return 1
    await stop_all()
    for task in run_tasks:
        task.result()  # raises a failure during shutdown
    return 0


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Warehouse contract worker (temporalio)")
    parser.add_argument("--address", default="127.0.0.1:7233", help="HOST:PORT of the frontend")
    parser.add_argument("--namespace", default="default")
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


def exit_now(code: int) -> None:
    """Exits without interpreter finalization, where temporalio's native threads can crash the
    process ("PyGILState_Release: thread state ... must be current", temporalio/sdk-python#300)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    arguments = parse_args()
    log_to_stderr()
    try:
        status = asyncio.run(main(arguments))
    except Exception as err:  # noqa: BLE001
        print(f"warehouse_worker: {type(err).__name__}: {err}", file=sys.stderr)
        exit_now(1)
    exit_now(status)
