"""What every Python peer process of the interop tests shares: logging away from stdout, a
connection that waits for a starting server, running workers until a signal, and a safe exit."""

import argparse
import asyncio
import json
import logging
import os
import signal
import sys
import time
from typing import Awaitable, Callable, Optional

from temporalio.client import Client, WorkflowFailureError
from temporalio.converter import AdvancedJSONEncoder
from temporalio.exceptions import ApplicationError, FailureError
from temporalio.runtime import (
    LogForwardingConfig,
    LoggingConfig,
    Runtime,
    TelemetryConfig,
    TelemetryFilter,
)
from temporalio.worker import UnsandboxedWorkflowRunner, Worker

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


async def connect(address: str, namespace: str, timeout: float = CONNECT_TIMEOUT_SECONDS) -> Client:
    """Connects, retrying for up to `timeout` seconds while the server may still be starting."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return await Client.connect(address, namespace=namespace)
        except Exception as err:
            if time.monotonic() >= deadline:
                raise RuntimeError(f"could not connect to {address} within {timeout:.0f}s: {err}") from err
            await asyncio.sleep(0.5)


async def run_workers(workers: list[Worker]) -> int:
    """Runs the workers, prints `READY` once all of them poll, and shuts them down on SIGTERM or
    SIGINT. Returns the exit code: 0 after a clean shutdown, 1 when a worker stopped by itself."""
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

    async def fail(reason: str) -> int:
        failed = next(task for task in run_tasks if task.done())
        await stop_all()
        failed.result()  # raises the worker's failure
        print(reason, file=sys.stderr)
        return 1

    # `run` first validates the worker against the server (a namespace check), then starts polling.
    while not all(worker.is_running for worker in workers) and not any_done() and not stop.is_set():
        await asyncio.sleep(0.05)
    if any_done():
        return await fail("worker stopped before it was running")
    if all(worker.is_running for worker in workers):
        print("READY", flush=True)

    stop_task = asyncio.create_task(stop.wait())
    await asyncio.wait({*run_tasks, stop_task}, return_when=asyncio.FIRST_COMPLETED)
    if any_done():
        stop_task.cancel()
        return await fail("worker stopped unexpectedly")
    await stop_all()
    for task in run_tasks:
        task.result()  # raises a failure during shutdown
    return 0


def exit_now(code: int) -> None:
    """Exits without interpreter finalization, where temporalio's native threads can crash the
    process ("PyGILState_Release: thread state ... must be current", temporalio/sdk-python#300)."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def add_server_arguments(parser: argparse.ArgumentParser) -> None:
    """`--address` and `--namespace`, which every peer script takes."""
    parser.add_argument("--address", default="127.0.0.1:7233", help="HOST:PORT of the frontend")
    parser.add_argument("--namespace", default="default")


def emit(value) -> None:
    """Prints a client command's one JSON line."""
    print(json.dumps(value, cls=AdvancedJSONEncoder, separators=(",", ":")), flush=True)


def describe_failure(cause: BaseException) -> dict:
    """A workflow's or update's failure as the tests read it."""
    if isinstance(cause, ApplicationError):
        return {
            "type": cause.type,
            "message": cause.message,
            "non_retryable": cause.non_retryable,
            "details": list(cause.details),
        }
    # Cancellation, termination, timeout...: the exception's class name stands in for the type.
    message = cause.message if isinstance(cause, FailureError) else str(cause)
    return {
        "type": type(cause).__name__,
        "message": message,
        "non_retryable": False,
        "details": list(getattr(cause, "details", None) or []),
    }


def run_script(name: str, run: Callable[[], Awaitable[Optional[int]]]) -> None:
    """Runs a peer script: logs to stderr, exits with `run`'s status (0 for None), or with 1 and
    the error on stderr when it raises."""
    log_to_stderr()
    try:
        status = asyncio.run(run())
    except Exception as err:  # noqa: BLE001
        print(f"{name}: {type(err).__name__}: {err}", file=sys.stderr)
        exit_now(1)
    exit_now(status or 0)


def serve(name: str, description: str, task_queue: str, workflows: list, activities: list = ()) -> None:
    """The main of a worker script: serves `workflows` and `activities` unsandboxed (see the
    contract modules' docstrings for why) on `--task-queue` until SIGTERM."""
    parser = argparse.ArgumentParser(description=description)
    add_server_arguments(parser)
    parser.add_argument("--task-queue", default=task_queue)
    args = parser.parse_args()

    async def run() -> int:
        client = await connect(args.address, args.namespace)
        worker = Worker(
            client,
            task_queue=args.task_queue,
            workflows=workflows,
            activities=list(activities),
            workflow_runner=UnsandboxedWorkflowRunner(),
        )
        return await run_workers([worker])

    run_script(name, run)


async def emit_result(client: Client, args: argparse.Namespace) -> None:
    """The `result` command of the client scripts: the workflow's JSON result decoded as is
    (following continue-as-new runs), or its failure."""
    handle = client.get_workflow_handle(args.workflow_id, run_id=args.run_id)
    try:
        value = await handle.result()
    except WorkflowFailureError as err:
        emit({"error": describe_failure(err.cause)})
        return
    emit({"result": value})
