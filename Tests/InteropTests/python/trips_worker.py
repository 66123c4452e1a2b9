"""A Temporal worker for the Python half of the Trips contract, for the workflow-worker interop tests.

Usage:
    python trips_worker.py --address 127.0.0.1:7233 [--namespace default] [--task-queue trips-python]

Environment: TRIPS_CLEANUP_LOG (where RecordCleanup appends tokens), TRIPS_SWIFT_QUEUE (the task
queue of Swift's Greet, default trips-swift). Prints `READY` once polling, runs until SIGTERM.
Unsandboxed: PlanTrip reads TRIPS_SWIFT_QUEUE from the environment, which the sandbox forbids.
"""

import os
import sys

# Make `trips` and `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from peer import serve  # noqa: E402
from trips import ACTIVITIES, TASK_QUEUE, WORKFLOWS  # noqa: E402

if __name__ == "__main__":
    serve("trips_worker", "Trips contract worker, Python half (temporalio)", TASK_QUEUE, WORKFLOWS, ACTIVITIES)
