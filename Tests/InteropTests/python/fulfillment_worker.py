"""A Temporal worker for the Fulfillment contract, for the server-backed interop tests.

Usage:
    python fulfillment_worker.py --address 127.0.0.1:7233 [--namespace default] [--task-queue fulfillment]

Prints exactly one line, `READY`, to stdout once the worker is running, then runs until SIGTERM or
SIGINT and shuts down cleanly (exit code 0). Exits non-zero (message on stderr) when it cannot
connect within 30 seconds or the worker fails.
"""

import argparse
import asyncio
import logging
import os
import signal
import sys
import time

# Make `fulfillment` importable however this script is launched.
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

from fulfillment import TASK_QUEUE, WORKFLOWS  # noqa: E402

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
    # The workflow sandbox is disabled on purpose: see the module docstring of fulfillment.py.
    worker = Worker(
        client,
        task_queue=args.task_queue,
        workflows=WORKFLOWS,
        workflow_runner=UnsandboxedWorkflowRunner(),
    )

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    run_task = asyncio.create_task(worker.run())
    # `run` first validates the worker against the server (a namespace check), then starts polling.
    while not worker.is_running and not run_task.done() and not stop.is_set():
        await asyncio.sleep(0.05)
    if run_task.done():
        run_task.result()  # raises the worker's failure
        print("worker stopped before it was running", file=sys.stderr)
        return 1
    if worker.is_running:
        print("READY", flush=True)

    stop_task = asyncio.create_task(stop.wait())
    await asyncio.wait({run_task, stop_task}, return_when=asyncio.FIRST_COMPLETED)
    if run_task.done():
        stop_task.cancel()
        run_task.result()  # raises the worker's failure
        print("worker stopped unexpectedly", file=sys.stderr)
        return 1
    await worker.shutdown()
    await run_task
    return 0


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Fulfillment contract worker (temporalio)")
    parser.add_argument("--address", default="127.0.0.1:7233", help="HOST:PORT of the frontend")
    parser.add_argument("--namespace", default="default")
    parser.add_argument("--task-queue", default=TASK_QUEUE)
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
        print(f"fulfillment_worker: {type(err).__name__}: {err}", file=sys.stderr)
        exit_now(1)
    exit_now(status)
