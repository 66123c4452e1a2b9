"""The Python child of the child-options interop tests (ChildOptionsInteropTests.swift).

Usage:
    python family_worker.py --address 127.0.0.1:7233 [--namespace default] [--task-queue family-python]

Runs `Ward`, a workflow that waits until it is cancelled (it then ends as cancelled), so a Swift
parent's parent-close policy shows in the child's status: terminated, cancelled, or still running.
Prints `READY` once it polls; runs until SIGTERM.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio import workflow  # noqa: E402

from peer import serve  # noqa: E402


@workflow.defn(name="Ward")
class Ward:
    @workflow.run
    async def run(self, name: str) -> str:
        # Never true: only a cancellation (CancelledError) or a termination ends the run.
        await workflow.wait_condition(lambda: False)
        return name


if __name__ == "__main__":
    serve("family_worker", "Ward workflow worker (temporalio)", "family-python", [Ward])
