"""A Temporal schedule client CLI for the schedule interop tests: Python lists and describes the
schedules Swift creates, and creates one for Swift to describe.

Every subcommand takes `--address HOST:PORT` and `--namespace NS`, prints exactly one JSON line to
stdout on success, and exits non-zero with a message on stderr on failure.

    list                                          -> {"ids": [...]} (every schedule, via visibility)
    describe --schedule-id S                      -> {"workflow_type", "workflow_id", "task_queue",
                                                      "args", "paused", "note", "intervals",
                                                      "calendars", "cron_strings", "overlap",
                                                      "pause_on_failure", "action_count"}
    create --schedule-id S --workflow-type W --workflow-id ID --task-queue Q --args-json '[...]'
           --interval-seconds N --note TEXT      -> {} (created paused, so it starts nothing)
"""

import argparse
import json
import os
import sys
from datetime import timedelta

# Make `peer` importable however this script is launched.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from temporalio.client import (  # noqa: E402
    Client,
    Schedule,
    ScheduleActionStartWorkflow,
    ScheduleIntervalSpec,
    ScheduleSpec,
    ScheduleState,
)

from peer import add_server_arguments, emit, run_script  # noqa: E402


async def connect(args: argparse.Namespace) -> Client:
    return await Client.connect(args.address, namespace=args.namespace)


async def list_schedules(args: argparse.Namespace) -> None:
    client = await connect(args)
    ids = [entry.id async for entry in await client.list_schedules()]
    emit({"ids": ids})


async def describe(args: argparse.Namespace) -> None:
    client = await connect(args)
    description = await client.get_schedule_handle(args.schedule_id).describe()
    schedule = description.schedule
    action = schedule.action
    assert isinstance(action, ScheduleActionStartWorkflow)
    # A described action's args are raw payloads; the default converter decodes the JSON ones.
    values = client.data_converter.payload_converter.from_payloads(list(action.args))
    emit(
        {
            "workflow_type": action.workflow,
            "workflow_id": action.id,
            "task_queue": action.task_queue,
            "args": values,
            "paused": schedule.state.paused,
            "note": schedule.state.note,
            "intervals": [
                {"every": spec.every.total_seconds(), "offset": spec.offset.total_seconds() if spec.offset else 0} for spec in schedule.spec.intervals
            ],
            "calendars": len(schedule.spec.calendars),
            "cron_strings": list(schedule.spec.cron_expressions),
            "time_zone": schedule.spec.time_zone_name,
            "jitter": schedule.spec.jitter.total_seconds() if schedule.spec.jitter else None,
            "overlap": int(schedule.policy.overlap),
            "pause_on_failure": schedule.policy.pause_on_failure,
            "catchup_window": schedule.policy.catchup_window.total_seconds() if schedule.policy.catchup_window else None,
            "action_count": description.info.num_actions,
        }
    )


async def create(args: argparse.Namespace) -> None:
    client = await connect(args)
    await client.create_schedule(
        args.schedule_id,
        Schedule(
            action=ScheduleActionStartWorkflow(
                args.workflow_type,
                args=json.loads(args.args_json),
                id=args.workflow_id,
                task_queue=args.task_queue,
            ),
            spec=ScheduleSpec(intervals=[ScheduleIntervalSpec(every=timedelta(seconds=args.interval_seconds))]),
            state=ScheduleState(paused=True, note=args.note),
        ),
    )
    emit({})


def parse_args(argv=None) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    add_server_arguments(common)

    parser = argparse.ArgumentParser(description="Schedule client (temporalio)")
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("list", parents=[common])
    p.set_defaults(func=list_schedules)

    p = commands.add_parser("describe", parents=[common])
    p.add_argument("--schedule-id", required=True)
    p.set_defaults(func=describe)

    p = commands.add_parser("create", parents=[common])
    p.add_argument("--schedule-id", required=True)
    p.add_argument("--workflow-type", required=True)
    p.add_argument("--workflow-id", required=True)
    p.add_argument("--task-queue", required=True)
    p.add_argument("--args-json", required=True, help="the positional arguments, as a JSON list")
    p.add_argument("--interval-seconds", required=True, type=float)
    p.add_argument("--note", default="")
    p.set_defaults(func=create)

    return parser.parse_args(argv)


if __name__ == "__main__":
    arguments = parse_args()
    run_script(f"schedule_client {arguments.command}", lambda: arguments.func(arguments))
