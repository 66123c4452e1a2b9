"""The Python client side of the search attribute interop tests (SearchAttributeInteropTests).

Usage:
    python searchable_client.py describe --workflow-id ID [--address …] [--namespace …]
    python searchable_client.py start --workflow-id ID --task-queue Q --customer C --amount N [--address …]

`describe` prints one JSON line: the run's typed search attributes (name → value) and its memo
(key → value), as temporalio reads them. `start` starts the Swift `Ship` workflow with typed
search attributes and a memo set by Python, waits for its result and prints it.
"""

import argparse
import os
import sys
from datetime import timedelta

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.common import SearchAttributeKey, SearchAttributePair, TypedSearchAttributes  # noqa: E402

from peer import add_server_arguments, connect, emit, run_script  # noqa: E402


async def describe(args: argparse.Namespace) -> None:
    client = await connect(args.address, args.namespace)
    description = await client.get_workflow_handle(args.workflow_id).describe()
    attributes = {pair.key.name: pair.value for pair in description.typed_search_attributes}
    emit({"search_attributes": attributes, "memo": await description.memo()})


async def start(args: argparse.Namespace) -> None:
    client = await connect(args.address, args.namespace)
    attributes = TypedSearchAttributes(
        [
            SearchAttributePair(SearchAttributeKey.for_keyword("SwiftCustomer"), args.customer),
            SearchAttributePair(SearchAttributeKey.for_int("SwiftAmount"), args.amount),
        ]
    )
    handle = await client.start_workflow(
        "Ship",
        {"customer_id": "input-" + args.customer, "amount": args.amount},
        id=args.workflow_id,
        task_queue=args.task_queue,
        search_attributes=attributes,
        memo={"customer": "python-" + args.customer, "origin": {"sdk": "python"}},
        execution_timeout=timedelta(minutes=1),
    )
    emit({"run_id": handle.result_run_id, "result": await handle.result()})


def main() -> None:
    parser = argparse.ArgumentParser(description="Search attributes and memo (temporalio)")
    sub = parser.add_subparsers(dest="command", required=True)
    describe_command = sub.add_parser("describe")
    add_server_arguments(describe_command)
    describe_command.add_argument("--workflow-id", required=True)
    start_command = sub.add_parser("start")
    add_server_arguments(start_command)
    start_command.add_argument("--workflow-id", required=True)
    start_command.add_argument("--task-queue", required=True)
    start_command.add_argument("--customer", required=True)
    start_command.add_argument("--amount", type=int, required=True)
    args = parser.parse_args()
    run_script("searchable_client", lambda: describe(args) if args.command == "describe" else start(args))


if __name__ == "__main__":
    main()
