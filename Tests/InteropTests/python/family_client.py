"""Reads what the server recorded of a workflow, for the child-options interop tests.

Usage:
    python family_client.py inspect --workflow-id ID [--address 127.0.0.1:7233] [--namespace default]

Prints one JSON line: the run's status (the `WorkflowExecutionStatus` name), its priority as
`describe()` returns it, its static summary and details (the user metadata the web UI shows), for
every history event that carries a priority (started, activity scheduled, child initiated) the
event type and that priority, the summaries of the events that have one (activities, timers,
children), and with `--metadata` the current details the `__temporal_workflow_metadata` query
answers.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from peer import add_server_arguments, connect, emit, run_script  # noqa: E402

PRIORITY_EVENTS = {
    "workflow_execution_started_event_attributes",
    "activity_task_scheduled_event_attributes",
    "start_child_workflow_execution_initiated_event_attributes",
}


def priority(message) -> dict:
    return {
        "priority_key": message.priority_key,
        "fairness_key": message.fairness_key,
        "fairness_weight": message.fairness_weight,
    }


async def inspect(args: argparse.Namespace) -> None:
    client = await connect(args.address, args.namespace)
    handle = client.get_workflow_handle(args.workflow_id)
    description = await handle.describe()
    info = description.raw_description.workflow_execution_info
    converter = client.data_converter.payload_converter
    events = []
    summaries = []
    async for event in handle.fetch_history_events():
        kind = event.WhichOneof("attributes")
        if kind in PRIORITY_EVENTS:
            attributes = getattr(event, kind)
            events.append({"type": kind, "priority": priority(attributes.priority)})
        if event.user_metadata.HasField("summary"):
            summaries.append({"type": kind, "summary": converter.from_payloads([event.user_metadata.summary])[0]})
    result = {
        "status": description.status.name if description.status else None,
        "priority": priority(info.priority),
        "summary": await description.static_summary(),
        "details": await description.static_details(),
        "events": events,
        "event_summaries": summaries,
    }
    if args.metadata:
        metadata = await handle.query("__temporal_workflow_metadata")
        result["current_details"] = metadata.current_details
        result["query_names"] = sorted(query.name for query in metadata.definition.query_definitions)
    emit(result)


def main() -> None:
    parser = argparse.ArgumentParser(description="Inspect a workflow (temporalio)")
    sub = parser.add_subparsers(dest="command", required=True)
    command = sub.add_parser("inspect")
    add_server_arguments(command)
    command.add_argument("--workflow-id", required=True)
    command.add_argument("--metadata", action="store_true", help="also query __temporal_workflow_metadata")
    args = parser.parse_args()
    run_script("family_client", lambda: inspect(args))


if __name__ == "__main__":
    main()
