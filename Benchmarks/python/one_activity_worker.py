"""The Python side of WorkflowWorkerBenchmark: a temporalio worker serving the OneActivity and
TenActivities workflows and the Echo and Noop activities (one_activity.py) on one task queue,
with the SDK's defaults (sandboxed workflows), as a team would run it.

Usage: python one_activity_worker.py --address HOST:PORT --task-queue QUEUE
Prints READY once polling; stops on SIGTERM.
"""

import argparse
import os
import sys

# This folder (one_activity) and the interop tests' shared peer helpers.
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
sys.path.insert(0, os.path.join(here, "..", "..", "Tests", "InteropTests", "python"))

from temporalio.worker import Worker  # noqa: E402

from one_activity import OneActivity, TenActivities, echo, noop  # noqa: E402
from peer import connect, run_script, run_workers  # noqa: E402


async def run(args: argparse.Namespace) -> int:
    client = await connect(args.address, "default")
    worker = Worker(
        client, task_queue=args.task_queue, workflows=[OneActivity, TenActivities], activities=[echo, noop]
    )
    return await run_workers([worker])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="OneActivity benchmark worker (temporalio)")
    parser.add_argument("--address", required=True)
    parser.add_argument("--task-queue", required=True)
    arguments = parser.parse_args()
    run_script("one_activity_worker", lambda: run(arguments))
