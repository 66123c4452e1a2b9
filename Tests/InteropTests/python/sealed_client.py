"""The Python client of the encryption interop tests.

Usage:
    python sealed_client.py execute --workflow-id ID --recipient R --body B
        --keys ID=HEX[,ID=HEX] --current-key ID [--compress] [--task-queue sealed-swift]
    python sealed_client.py history --workflow-id ID

`execute` starts the Swift workflow ReadBySwift with the encryption codec and prints
{"result": ...}. `history` reads the history WITHOUT a codec and prints, as stored, the metadata of
the workflow's input and result payloads ({"input": [...], "result": [...]}, each
{"encoding", "key_id", "bytes"}) and the messages of its failed workflow tasks ("task_failures").
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.client import Client  # noqa: E402

from peer import add_server_arguments, connect, emit, run_script  # noqa: E402
from sealed import add_codec_arguments, data_converter  # noqa: E402


def stored(payloads) -> list:
    return [
        {
            "encoding": p.metadata.get("encoding", b"").decode(),
            "key_id": p.metadata.get("encryption-key-id", b"").decode(),
            "bytes": len(p.data),
        }
        for p in payloads
    ]


async def execute(args: argparse.Namespace) -> None:
    plain = await connect(args.address, args.namespace)
    config = plain.config()
    config["data_converter"] = data_converter(args)
    client = Client(**config)
    result = await client.execute_workflow(
        "ReadBySwift",
        {"recipient": args.recipient, "body": args.body},
        id=args.workflow_id,
        task_queue=args.task_queue,
    )
    emit({"result": result})


async def history(args: argparse.Namespace) -> None:
    client = await connect(args.address, args.namespace)
    handle = client.get_workflow_handle(args.workflow_id)
    found = {"input": [], "result": [], "task_failures": []}
    async for event in handle.fetch_history_events():
        kind = event.WhichOneof("attributes")
        if kind == "workflow_execution_started_event_attributes":
            found["input"] = stored(event.workflow_execution_started_event_attributes.input.payloads)
        elif kind == "workflow_execution_completed_event_attributes":
            found["result"] = stored(event.workflow_execution_completed_event_attributes.result.payloads)
        elif kind == "workflow_task_failed_event_attributes":
            found["task_failures"].append(event.workflow_task_failed_event_attributes.failure.message)
    emit(found)


def main() -> None:
    parser = argparse.ArgumentParser(description="Encryption interop client (temporalio)")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("execute")
    add_server_arguments(run)
    add_codec_arguments(run)
    run.add_argument("--workflow-id", required=True)
    run.add_argument("--recipient", required=True)
    run.add_argument("--body", required=True)
    run.add_argument("--task-queue", default="sealed-swift")
    show = sub.add_parser("history")
    add_server_arguments(show)
    show.add_argument("--workflow-id", required=True)
    args = parser.parse_args()
    run_script("sealed_client", lambda: execute(args) if args.command == "execute" else history(args))


if __name__ == "__main__":
    main()
