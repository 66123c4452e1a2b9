"""The Python side of the header interop tests: interceptors that read and write the Temporal
header `tenant`, on workflows a Swift client drives and on a workflow that calls a Swift activity.

Usage:
    python header_peer.py worker --address HOST:PORT --task-queue Q
        Runs `HeaderEcho` and `CallSwiftActivity` on Q with a worker interceptor; prints `READY`,
        runs until SIGTERM.
    python header_peer.py call-swift --address HOST:PORT --task-queue Q --activity-task-queue A
        --tenant T --workflow-id ID
        Starts `CallSwiftActivity` on Q through a client whose interceptor sets `tenant` = T, and
        prints the workflow's result as one JSON line.

`HeaderEcho` records the `tenant` header its run, signal, query and update each carried (None when
absent) and returns the record once signaled `finish`. `CallSwiftActivity` reads `tenant` from its
start header and sends it on, with the outbound interceptor, in the header of the activity
`SwiftHeaderActivity` it runs on the Swift worker's task queue.
"""

import argparse
import os
import sys
from datetime import timedelta
from typing import Any, Optional

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import temporalio.client  # noqa: E402
import temporalio.converter  # noqa: E402
import temporalio.worker  # noqa: E402
from temporalio import workflow  # noqa: E402
from temporalio.api.common.v1 import Payload  # noqa: E402
from temporalio.worker import UnsandboxedWorkflowRunner, Worker  # noqa: E402

from peer import add_server_arguments, connect, emit, run_script, run_workers  # noqa: E402

HEADER = "tenant"
CONVERTER = temporalio.converter.default().payload_converter


def read_tenant(headers) -> Optional[str]:
    payload = headers.get(HEADER)
    return None if payload is None else CONVERTER.from_payload(payload, str)


class TenantClientInterceptor(temporalio.client.Interceptor):
    """Sets `tenant` on every workflow start the client sends."""

    def __init__(self, tenant: str) -> None:
        self.tenant = tenant

    def intercept_client(self, next: temporalio.client.OutboundInterceptor) -> temporalio.client.OutboundInterceptor:
        return _TenantClientOutbound(next, self.tenant)


class _TenantClientOutbound(temporalio.client.OutboundInterceptor):
    def __init__(self, next: temporalio.client.OutboundInterceptor, tenant: str) -> None:
        super().__init__(next)
        self.tenant = tenant

    async def start_workflow(self, input: temporalio.client.StartWorkflowInput) -> Any:
        input.headers = {**input.headers, HEADER: CONVERTER.to_payload(self.tenant)}
        return await super().start_workflow(input)


class TenantWorkerInterceptor(temporalio.worker.Interceptor):
    """Records the `tenant` header of each inbound call on the workflow instance (`seen`), and
    copies the run's `tenant` onto the activities the workflow schedules."""

    def workflow_interceptor_class(self, input):
        return _TenantWorkflowInbound


class _TenantWorkflowInbound(temporalio.worker.WorkflowInboundInterceptor):
    def init(self, outbound: temporalio.worker.WorkflowOutboundInterceptor) -> None:
        self.outbound = _TenantWorkflowOutbound(outbound)
        super().init(self.outbound)

    async def execute_workflow(self, input: temporalio.worker.ExecuteWorkflowInput) -> Any:
        tenant = read_tenant(input.headers)
        self.outbound.tenant = input.headers.get(HEADER)
        workflow.instance().seen["run"] = tenant
        return await super().execute_workflow(input)

    async def handle_signal(self, input: temporalio.worker.HandleSignalInput) -> None:
        workflow.instance().seen[f"signal:{input.signal}"] = read_tenant(input.headers)
        return await super().handle_signal(input)

    async def handle_query(self, input: temporalio.worker.HandleQueryInput) -> Any:
        # A query changes nothing, so the header goes into the answer rather than `seen`.
        return {**await super().handle_query(input), "query": read_tenant(input.headers)}

    def handle_update_validator(self, input: temporalio.worker.HandleUpdateInput) -> None:
        workflow.instance().seen["validator"] = read_tenant(input.headers)
        return super().handle_update_validator(input)

    async def handle_update_handler(self, input: temporalio.worker.HandleUpdateInput) -> Any:
        workflow.instance().seen["update"] = read_tenant(input.headers)
        return await super().handle_update_handler(input)


class _TenantWorkflowOutbound(temporalio.worker.WorkflowOutboundInterceptor):
    tenant: Optional[Payload] = None

    def start_activity(self, input: temporalio.worker.StartActivityInput):
        if self.tenant is not None:
            input.headers = {**input.headers, HEADER: self.tenant}
        return super().start_activity(input)


@workflow.defn(name="HeaderEcho")
class HeaderEcho:
    def __init__(self) -> None:
        self.seen: dict[str, Optional[str]] = {}
        self.finished = False

    @workflow.run
    async def run(self, label: str) -> dict:
        await workflow.wait_condition(lambda: self.finished)
        return {"label": label, **self.seen}

    @workflow.signal(name="finish")
    def finish(self, note: str) -> None:
        self.finished = True

    @workflow.query(name="seen")
    def seen_query(self) -> dict:
        return dict(self.seen)

    @workflow.update(name="touch")
    def touch(self, note: str) -> str:
        return note

    @touch.validator
    def validate_touch(self, note: str) -> None:
        pass


@workflow.defn(name="CallSwiftActivity")
class CallSwiftActivity:
    def __init__(self) -> None:
        self.seen: dict[str, Optional[str]] = {}

    @workflow.run
    async def run(self, activity_task_queue: str) -> dict:
        result = await workflow.execute_activity(
            "SwiftHeaderActivity",
            "from-python",
            task_queue=activity_task_queue,
            start_to_close_timeout=timedelta(seconds=30),
            result_type=str,
        )
        return {"activity_result": result, "run_tenant": self.seen.get("run")}


async def serve(args) -> int:
    client = await connect(args.address, args.namespace)
    worker = Worker(
        client,
        task_queue=args.task_queue,
        workflows=[HeaderEcho, CallSwiftActivity],
        interceptors=[TenantWorkerInterceptor()],
        workflow_runner=UnsandboxedWorkflowRunner(),
    )
    return await run_workers([worker])


async def call_swift(args) -> None:
    client = await connect(args.address, args.namespace)
    client = temporalio.client.Client(
        **{**client.config(), "interceptors": [TenantClientInterceptor(args.tenant)]}
    )
    result = await client.execute_workflow(
        "CallSwiftActivity",
        args.activity_task_queue,
        id=args.workflow_id,
        task_queue=args.task_queue,
        execution_timeout=timedelta(seconds=90),
    )
    emit(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    worker = commands.add_parser("worker")
    add_server_arguments(worker)
    worker.add_argument("--task-queue", required=True)
    caller = commands.add_parser("call-swift")
    add_server_arguments(caller)
    caller.add_argument("--task-queue", required=True)
    caller.add_argument("--activity-task-queue", required=True)
    caller.add_argument("--tenant", required=True)
    caller.add_argument("--workflow-id", required=True)
    args = parser.parse_args()
    if args.command == "worker":
        run_script("header_peer worker", lambda: serve(args))
    else:
        run_script("header_peer call-swift", lambda: call_swift(args))


if __name__ == "__main__":
    main()
