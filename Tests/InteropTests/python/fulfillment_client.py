"""A small Temporal client CLI for the Fulfillment contract, for the server-backed interop tests.

Every subcommand takes `--address HOST:PORT` and `--namespace NS` (default "default"), prints
exactly one JSON line to stdout on success, and exits non-zero with a message on stderr on failure.

    start-order    --workflow-id ID --task-queue Q --order-json JSON   -> {"workflow_id": ..., "run_id": ...}
    approve        --workflow-id ID --approver NAME                   -> {}
    progress       --workflow-id ID                                   -> the Progress object
    result         --workflow-id ID [--run-id R]                      -> {"result": <value>}
                                                      or, if the workflow failed (exit 0):
                      {"error": {"type": ..., "message": ..., "non_retryable": ..., "details": [...]}}
    start-combine  --workflow-id ID --task-queue Q --text T --count N --scale X
                                                                      -> {"workflow_id": ..., "run_id": ...}
"""

import argparse
import json
import os
import sys
from datetime import timedelta

# Make `fulfillment` and `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.client import Client  # noqa: E402
from temporalio.common import WorkflowIDConflictPolicy  # noqa: E402
from temporalio.converter import value_to_type  # noqa: E402

from fulfillment import Approval, Order  # noqa: E402
from peer import add_server_arguments, emit, emit_result, run_script  # noqa: E402



async def connect(args: argparse.Namespace) -> Client:
    return await Client.connect(args.address, namespace=args.namespace)


async def start_order(args: argparse.Namespace) -> None:
    order = value_to_type(Order, json.loads(args.order_json))
    client = await connect(args)
    handle = await client.start_workflow(
        "ProcessOrder",
        order,
        id=args.workflow_id,
        task_queue=args.task_queue,
        execution_timeout=timedelta(minutes=10),
        id_conflict_policy=WorkflowIDConflictPolicy.FAIL,
    )
    emit({"workflow_id": handle.id, "run_id": handle.result_run_id})


async def approve(args: argparse.Namespace) -> None:
    client = await connect(args)
    await client.get_workflow_handle(args.workflow_id).signal(
        "Approve", Approval(approver=args.approver)
    )
    emit({})


async def progress(args: argparse.Namespace) -> None:
    client = await connect(args)
    # Untyped: the JSON the worker sent, decoded as is.
    emit(await client.get_workflow_handle(args.workflow_id).query("GetProgress"))



async def result(args: argparse.Namespace) -> None:
    await emit_result(await connect(args), args)


async def start_combine(args: argparse.Namespace) -> None:
    client = await connect(args)
    handle = await client.start_workflow(
        "Combine",
        args=[args.text, args.count, args.scale],
        id=args.workflow_id,
        task_queue=args.task_queue,
    )
    emit({"workflow_id": handle.id, "run_id": handle.result_run_id})


def parse_args(argv=None) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    add_server_arguments(common)

    parser = argparse.ArgumentParser(description="Fulfillment contract client (temporalio)")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("start-order", parents=[common])
    p.add_argument("--workflow-id", required=True)
    p.add_argument("--task-queue", required=True)
    p.add_argument("--order-json", required=True)
    p.set_defaults(func=start_order)

    p = commands.add_parser("approve", parents=[common])
    p.add_argument("--workflow-id", required=True)
    p.add_argument("--approver", required=True)
    p.set_defaults(func=approve)

    p = commands.add_parser("progress", parents=[common])
    p.add_argument("--workflow-id", required=True)
    p.set_defaults(func=progress)

    p = commands.add_parser("result", parents=[common])
    p.add_argument("--workflow-id", required=True)
    p.add_argument("--run-id", default=None)
    p.set_defaults(func=result)

    p = commands.add_parser("start-combine", parents=[common])
    p.add_argument("--workflow-id", required=True)
    p.add_argument("--task-queue", required=True)
    p.add_argument("--text", required=True)
    p.add_argument("--count", required=True, type=int)
    p.add_argument("--scale", required=True, type=float)
    p.set_defaults(func=start_combine)

    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    run_script(f"fulfillment_client {arguments.command}", lambda: arguments.func(arguments))
