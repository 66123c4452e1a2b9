"""A Temporal client CLI for the Trips contract (and any workflow, generically), for the
workflow-worker interop tests: the Python client that drives Swift workflows.

Every subcommand takes `--address HOST:PORT`, `--namespace NS` and `--workflow-id ID`, prints
exactly one JSON line to stdout on success, and exits non-zero with a message on stderr on failure.

    start-trip --task-queue Q --traveler T --city C --nights N --nap-seconds S
                                                  -> {"workflow_id": ..., "run_id": ...}
    start --workflow-type W --task-queue Q --args-json '[...]' [--task-timeout-seconds X]
                                                  -> {"workflow_id": ..., "run_id": ...}
    add-stop --stop S | approve --approver A      -> {}
    signal --signal-name N --args-json '[...]'    -> {} (any signal, by the name given)
    query --query-name N [--args-json '[...]']    -> {"result": answer} (any query, by the name given)
    update --update-name N [--args-json '[...]']  -> {"result": value} or {"error": {...}} (any update)
    status                                        -> the GetStatus query's answer
    set-budget --budget N                         -> {"result": previous budget}, or when the update
                                                     is rejected or fails (exit 0):
                                                     {"error": {"type", "message", "non_retryable", "details"}}
    result [--run-id R]                           -> {"result": value} or {"error": {...}} (follows runs)
    cancel                                        -> {}
    history-event-types [--run-id R]              -> {"types": ["EVENT_TYPE_WORKFLOW_EXECUTION_STARTED", ...]}
    failure-causes                                -> {"causes": [{"cause": "WORKFLOW_TASK_FAILED_CAUSE_...",
                                                                  "message": ...}]}
"""

import argparse
import json
import os
import sys
from datetime import timedelta

# Make `trips` and `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.api.enums.v1 import EventType, WorkflowTaskFailedCause  # noqa: E402
from temporalio.client import Client, WorkflowUpdateFailedError  # noqa: E402

from peer import add_server_arguments, describe_failure, emit, emit_result, run_script  # noqa: E402




async def connect(args: argparse.Namespace) -> Client:
    return await Client.connect(args.address, namespace=args.namespace)


async def start_trip(args: argparse.Namespace) -> None:
    client = await connect(args)
    trip = {"traveler": args.traveler, "city": args.city, "nights": args.nights, "nap_seconds": args.nap_seconds}
    handle = await client.start_workflow("BookTrip", trip, id=args.workflow_id, task_queue=args.task_queue)
    emit({"workflow_id": handle.id, "run_id": handle.result_run_id})


async def start(args: argparse.Namespace) -> None:
    client = await connect(args)
    timeout = timedelta(seconds=args.task_timeout_seconds) if args.task_timeout_seconds else None
    handle = await client.start_workflow(
        args.workflow_type,
        args=json.loads(args.args_json),
        id=args.workflow_id,
        task_queue=args.task_queue,
        task_timeout=timeout,
    )
    emit({"workflow_id": handle.id, "run_id": handle.result_run_id})


async def add_stop(args: argparse.Namespace) -> None:
    client = await connect(args)
    await client.get_workflow_handle(args.workflow_id).signal("AddStop", args.stop)
    emit({})


async def approve(args: argparse.Namespace) -> None:
    client = await connect(args)
    await client.get_workflow_handle(args.workflow_id).signal("Approve", args.approver)
    emit({})


async def signal(args: argparse.Namespace) -> None:
    client = await connect(args)
    await client.get_workflow_handle(args.workflow_id).signal(args.signal_name, args=json.loads(args.args_json))
    emit({})


async def query(args: argparse.Namespace) -> None:
    client = await connect(args)
    handle = client.get_workflow_handle(args.workflow_id)
    emit({"result": await handle.query(args.query_name, args=json.loads(args.args_json))})


async def update(args: argparse.Namespace) -> None:
    client = await connect(args)
    handle = client.get_workflow_handle(args.workflow_id)
    try:
        emit({"result": await handle.execute_update(args.update_name, args=json.loads(args.args_json))})
    except WorkflowUpdateFailedError as err:
        emit({"error": describe_failure(err.cause)})


async def status(args: argparse.Namespace) -> None:
    client = await connect(args)
    emit(await client.get_workflow_handle(args.workflow_id).query("GetStatus"))


async def set_budget(args: argparse.Namespace) -> None:
    client = await connect(args)
    try:
        previous = await client.get_workflow_handle(args.workflow_id).execute_update("SetBudget", args.budget)
    except WorkflowUpdateFailedError as err:
        emit({"error": describe_failure(err.cause)})
        return
    emit({"result": previous})


async def result(args: argparse.Namespace) -> None:
    await emit_result(await connect(args), args)


async def cancel(args: argparse.Namespace) -> None:
    client = await connect(args)
    await client.get_workflow_handle(args.workflow_id).cancel()
    emit({})


async def history_event_types(args: argparse.Namespace) -> None:
    client = await connect(args)
    history = await client.get_workflow_handle(args.workflow_id, run_id=args.run_id).fetch_history()
    emit({"types": [EventType.Name(event.event_type) for event in history.events]})


async def failure_causes(args: argparse.Namespace) -> None:
    client = await connect(args)
    history = await client.get_workflow_handle(args.workflow_id).fetch_history()
    causes = [
        {
            "cause": WorkflowTaskFailedCause.Name(event.workflow_task_failed_event_attributes.cause),
            "message": event.workflow_task_failed_event_attributes.failure.message,
        }
        for event in history.events
        if event.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED
    ]
    emit({"causes": causes})


def parse_args(argv=None) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    add_server_arguments(common)
    common.add_argument("--workflow-id", required=True)

    parser = argparse.ArgumentParser(description="Trips contract client (temporalio)")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("start-trip", parents=[common])
    p.add_argument("--task-queue", required=True)
    p.add_argument("--traveler", required=True)
    p.add_argument("--city", required=True)
    p.add_argument("--nights", required=True, type=int)
    p.add_argument("--nap-seconds", required=True, type=float)
    p.set_defaults(func=start_trip)

    p = commands.add_parser("start", parents=[common])
    p.add_argument("--workflow-type", required=True)
    p.add_argument("--task-queue", required=True)
    p.add_argument("--args-json", required=True, help="the positional arguments, as a JSON list")
    p.add_argument("--task-timeout-seconds", type=float, default=None)
    p.set_defaults(func=start)

    p = commands.add_parser("add-stop", parents=[common])
    p.add_argument("--stop", required=True)
    p.set_defaults(func=add_stop)

    p = commands.add_parser("approve", parents=[common])
    p.add_argument("--approver", required=True)
    p.set_defaults(func=approve)

    p = commands.add_parser("signal", parents=[common])
    p.add_argument("--signal-name", required=True)
    p.add_argument("--args-json", required=True, help="the positional arguments, as a JSON list")
    p.set_defaults(func=signal)

    p = commands.add_parser("query", parents=[common])
    p.add_argument("--query-name", required=True)
    p.add_argument("--args-json", default="[]", help="the positional arguments, as a JSON list")
    p.set_defaults(func=query)

    p = commands.add_parser("update", parents=[common])
    p.add_argument("--update-name", required=True)
    p.add_argument("--args-json", default="[]", help="the positional arguments, as a JSON list")
    p.set_defaults(func=update)

    p = commands.add_parser("status", parents=[common])
    p.set_defaults(func=status)

    p = commands.add_parser("set-budget", parents=[common])
    p.add_argument("--budget", required=True, type=int)
    p.set_defaults(func=set_budget)

    for name, func in (("result", result), ("history-event-types", history_event_types)):
        p = commands.add_parser(name, parents=[common])
        p.add_argument("--run-id", default=None)
        p.set_defaults(func=func)

    p = commands.add_parser("cancel", parents=[common])
    p.set_defaults(func=cancel)

    p = commands.add_parser("failure-causes", parents=[common])
    p.set_defaults(func=failure_causes)

    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    run_script(f"trips_client {arguments.command}", lambda: arguments.func(arguments))
