"""The Python side of WaitingRunsBenchmark's workers: a temporalio worker serving WaitingRun
(waiting_run.py) on one task queue with the SDK's defaults (sandboxed workflows) and the given
sticky cache size.

Usage: python waiting_run_worker.py --address HOST:PORT --task-queue QUEUE --cache N
Prints READY once polling, then `CACHE <n>` whenever Core's temporal_sticky_cache_size gauge
changes; stops on SIGTERM.
"""

import argparse
import asyncio
import logging
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.client import Client  # noqa: E402
from temporalio.runtime import (  # noqa: E402
    LoggingConfig,
    MetricBuffer,
    Runtime,
    TelemetryConfig,
    TelemetryFilter,
)
from temporalio.worker import Worker  # noqa: E402

from waiting_run import WaitingRun  # noqa: E402


async def report_cache_size(buffer: MetricBuffer) -> None:
    printed = None
    size = None
    while True:
        await asyncio.sleep(0.5)
        for update in buffer.retrieve_updates():
            if update.metric.name.endswith("sticky_cache_size"):
                size = int(update.value)
        if size is not None and size != printed:
            print(f"CACHE {size}", flush=True)
            printed = size


async def run(args: argparse.Namespace) -> None:
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    buffer = MetricBuffer(100_000)
    runtime = Runtime(
        telemetry=TelemetryConfig(
            logging=LoggingConfig(filter=TelemetryFilter(core_level="WARN", other_level="ERROR")),
            metrics=buffer,
        )
    )
    client = await Client.connect(args.address, namespace="default", runtime=runtime)
    worker = Worker(client, task_queue=args.task_queue, workflows=[WaitingRun], max_cached_workflows=args.cache)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    running = asyncio.create_task(worker.run())
    reporting = asyncio.create_task(report_cache_size(buffer))
    print("READY", flush=True)
    await stop.wait()
    reporting.cancel()
    await worker.shutdown()
    await asyncio.gather(running, return_exceptions=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="WaitingRun benchmark worker (temporalio)")
    parser.add_argument("--address", required=True)
    parser.add_argument("--task-queue", required=True)
    parser.add_argument("--cache", type=int, default=11_000)
    asyncio.run(run(parser.parse_args()))
    # Core's threads may abort interpreter shutdown; the work is done.
    os._exit(0)
