"""The Python worker of the encryption interop tests: runs ReadByPython with the encryption codec.

Usage:
    python sealed_worker.py --keys ID=HEX[,ID=HEX] --current-key ID [--compress]
        [--address 127.0.0.1:7233] [--namespace default] [--task-queue sealed-python]

Prints `READY` once it polls; runs until SIGTERM.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.client import Client  # noqa: E402
from temporalio.worker import UnsandboxedWorkflowRunner, Worker  # noqa: E402

from peer import add_server_arguments, connect, run_script, run_workers  # noqa: E402
from sealed import ReadByPython, add_codec_arguments, data_converter  # noqa: E402


async def run(args: argparse.Namespace) -> int:
    plain = await connect(args.address, args.namespace)
    config = plain.config()
    config["data_converter"] = data_converter(args)
    client = Client(**config)
    worker = Worker(
        client,
        task_queue=args.task_queue,
        workflows=[ReadByPython],
        workflow_runner=UnsandboxedWorkflowRunner(),
    )
    return await run_workers([worker])


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="ReadByPython worker with the encryption codec (temporalio)")
    add_server_arguments(parser)
    add_codec_arguments(parser)
    parser.add_argument("--task-queue", default="sealed-python")
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_args()
    run_script("sealed_worker", lambda: run(arguments))
