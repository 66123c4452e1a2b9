"""A Temporal worker for the Fulfillment contract, for the server-backed interop tests.

Usage:
    python fulfillment_worker.py --address 127.0.0.1:7233 [--namespace default] [--task-queue fulfillment]

Prints exactly one line, `READY`, to stdout once the worker is running, then runs until SIGTERM or
SIGINT and shuts down cleanly (exit code 0). Exits non-zero (message on stderr) when it cannot
connect within 30 seconds or the worker fails. The workflow sandbox is disabled on purpose: see
the module docstring of fulfillment.py.
"""

import os
import sys

# Make `fulfillment` and `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fulfillment import TASK_QUEUE, WORKFLOWS  # noqa: E402
from peer import serve  # noqa: E402

if __name__ == "__main__":
    serve("fulfillment_worker", "Fulfillment contract worker (temporalio)", TASK_QUEUE, WORKFLOWS)
