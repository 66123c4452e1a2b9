"""A buggy or malicious peer of the Swift workers (Tests/InteropTests/HostileInputTests.swift).

Each case sends one hostile input with the real Python SDK (raw payloads through
`temporalio.common.RawValue` where the converter would refuse to write them), waits for what the
Swift worker did with it, and then checks that the worker still serves a normal workflow. It
prints one JSON line: the case's outcome plus `healthy`, the result of that normal workflow.

    hostile_client.py CASE --address HOST:PORT --namespace NS --task-queue Q --activity-task-queue AQ
"""

import argparse
import asyncio
import json
import time
import uuid
from datetime import timedelta

from temporalio import workflow
from temporalio.api.common.v1 import Payload
from temporalio.api.enums.v1 import EventType, WorkflowTaskFailedCause
from temporalio.client import Client, WorkflowQueryFailedError, WorkflowUpdateFailedError
from temporalio.common import RawValue, RetryPolicy
from temporalio.exceptions import ActivityError
from temporalio.service import RPCError
from temporalio.worker import UnsandboxedWorkflowRunner, Worker

from peer import run_script


def raw(data: bytes, encoding: bytes | None = b"json/plain") -> RawValue:
    metadata = {} if encoding is None else {"encoding": encoding}
    return RawValue(Payload(metadata=metadata, data=data))


def order(**changes) -> dict:
    value = {
        "order_id": "hostile",
        "customer_name": "Mallory",
        "items": [{"sku": "pen", "quantity": 1, "unit_price": 1.5}],
        "placed_at": "2026-01-02T03:04:05.678901+00:00",
        "tracking_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
        "status": "pending",
        "color": 1,
        "tags": {},
        "express": False,
        "batches": [],
        "item_groups": {},
    }
    value.update(changes)
    return {key: item for key, item in value.items() if item is not ...}


def order_payload(**changes) -> RawValue:
    return raw(json.dumps(order(**changes)).encode())


def deep_batches(depth: int) -> bytes:
    # Built as text: json.dumps recurses once per level and would hit Python's own limit.
    text = json.dumps(order(batches=[]))
    return text.replace('"batches": []', '"batches": ' + "[" * depth + "]" * depth).encode()


class Peer:
    def __init__(self, client: Client, task_queue: str, activity_task_queue: str):
        self.client = client
        self.task_queue = task_queue
        self.activity_task_queue = activity_task_queue

    async def start(self, workflow_type: str, args: list, prefix: str):
        # The second attempt of a failing task comes at once; a task timeout of 5 s, not less, so
        # a starved worker's first attempt still fails (and is reported) instead of timing out.
        return await self.client.start_workflow(
            workflow_type,
            args=args,
            id=f"{prefix}-{uuid.uuid4()}",
            task_queue=self.task_queue,
            execution_timeout=timedelta(minutes=2),
            task_timeout=timedelta(seconds=5),
        )

    async def task_failure(self, handle, timeout: float = 40) -> dict:
        """The first workflow task failure of the run, once the retries had time to repeat it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            async for event in handle.fetch_history_events():
                if event.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED:
                    attributes = event.workflow_task_failed_event_attributes
                    # Let the next attempts fail too (they are not reported), then end the run.
                    await asyncio.sleep(2.5)
                    await handle.terminate("hostile input case done")
                    return {
                        "outcome": "task_failed",
                        "workflow_id": handle.id,
                        "cause": WorkflowTaskFailedCause.Name(attributes.cause),
                        "message": attributes.failure.message,
                    }
            await asyncio.sleep(0.2)
        await handle.terminate("no task failure seen")
        return {"outcome": "no_task_failure", "workflow_id": handle.id}

    async def failed_start(self, workflow_type: str, args: list) -> dict:
        return await self.task_failure(await self.start(workflow_type, args, "hostile"))

    async def healthy(self) -> str:
        handle = await self.start("Combine", ["ok", 1, 0.5], "healthy")
        return await asyncio.wait_for(handle.result(), 30)

    async def approved_receipt(self, handle) -> dict:
        await handle.signal("Approve", {"approver": "alice"})
        receipt = await asyncio.wait_for(handle.result(), 60)
        task_failures = [
            event.event_id
            async for event in handle.fetch_history_events()
            if event.event_type == EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED
        ]
        return {"receipt": receipt, "task_failures": task_failures, "workflow_id": handle.id}

    async def running_order(self):
        handle = await self.start("ProcessOrder", [order()], "hostile-order")
        # Answered once the first task ran: the run exists on the worker.
        await handle.query("GetProgress")
        return handle

    async def activity(self, activity: str, payloads: list[str]) -> dict:
        async with Worker(
            self.client,
            task_queue=f"{self.task_queue}-python",
            workflows=[CallSwiftActivity],
            workflow_runner=UnsandboxedWorkflowRunner(),
        ):
            return await self.client.execute_workflow(
                CallSwiftActivity.run,
                args=[activity, self.activity_task_queue, payloads],
                id=f"hostile-activity-{uuid.uuid4()}",
                task_queue=f"{self.task_queue}-python",
                execution_timeout=timedelta(seconds=60),
            )


@workflow.defn(name="CallSwiftActivity")
class CallSwiftActivity:
    """Runs a Swift activity with raw JSON payloads, once, and reports how it ended."""

    @workflow.run
    async def run(self, activity: str, task_queue: str, payloads: list[str]) -> dict:
        try:
            result = await workflow.execute_activity(
                activity,
                args=[raw(text.encode()) for text in payloads],
                task_queue=task_queue,
                start_to_close_timeout=timedelta(seconds=10),
                retry_policy=RetryPolicy(maximum_attempts=1),
            )
            return {"outcome": "completed", "result": result}
        except ActivityError as error:
            cause = error.cause
            return {
                "outcome": "activity_failed",
                "type": getattr(cause, "type", None),
                "non_retryable": getattr(cause, "non_retryable", None),
                "message": str(cause),
            }


async def run_case(peer: Peer, case: str) -> dict:
    if case == "unknown-encoding":
        return await peer.failed_start("ProcessOrder", [raw(b'{"order_id": "x"}', b"json/bogus")])
    if case == "missing-encoding":
        return await peer.failed_start("ProcessOrder", [raw(json.dumps(order()).encode(), None)])
    if case == "invalid-json":
        return await peer.failed_start("ProcessOrder", [raw(b'{"order_id": "x", "items": [')])
    if case == "missing-field":
        return await peer.failed_start("ProcessOrder", [order_payload(customer_name=...)])
    if case == "wrong-type":
        return await peer.failed_start(
            "ProcessOrder", [order_payload(items=[{"sku": "pen", "quantity": "lots", "unit_price": 1.5}])]
        )
    if case == "extra-fields":
        handle = await peer.start("ProcessOrder", [order_payload(surprise={"nested": [1, 2]}, loyalty=7)], "hostile-extra")
        return {"outcome": "accepted", **await peer.approved_receipt(handle)}
    if case == "deep-nesting":
        return await peer.failed_start("ProcessOrder", [raw(deep_batches(10_000))])
    if case in ("huge-string", "large-string"):
        size = (4 << 20) if case == "huge-string" else (3 << 20)
        try:
            handle = await peer.start("ProcessOrder", [order_payload(customer_name="x" * size)], "hostile-huge")
        except RPCError as error:
            return {"outcome": "start_rejected", "status": error.status.name, "message": error.message}
        return {"outcome": "started", **await peer.approved_receipt(handle)}
    if case == "too-many-args":
        return await peer.failed_start("Combine", ["a", 1, 0.5, "surplus"])
    if case == "too-few-args":
        return await peer.failed_start("Combine", ["a", 1])
    if case == "unknown-workflow":
        return await peer.failed_start("NoSuchWorkflow", ["a"])
    if case == "unknown-signal":
        handle = await peer.running_order()
        await handle.signal("NoSuchSignal", "ignored")
        return {"outcome": "dropped", **await peer.approved_receipt(handle)}
    if case == "bad-signal-input":
        handle = await peer.running_order()
        await handle.signal("AddLineItem", raw(b'{"sku": 5}'))
        return {"outcome": "dropped", **await peer.approved_receipt(handle)}
    if case == "unknown-query":
        handle = await peer.running_order()
        try:
            await handle.query("NoSuchQuery")
            outcome = {"outcome": "answered"}
        except WorkflowQueryFailedError as error:
            outcome = {"outcome": "query_failed", "message": error.message}
        return {**outcome, **await peer.approved_receipt(handle)}
    if case == "unknown-update":
        handle = await peer.running_order()
        try:
            await handle.execute_update("NoSuchUpdate", "x")
            outcome = {"outcome": "accepted"}
        except WorkflowUpdateFailedError as error:
            outcome = {"outcome": "update_rejected", "message": str(error.cause)}
        return {**outcome, **await peer.approved_receipt(handle)}
    if case == "signal-flood":
        # The server takes at most 10,000 signals per run (history.maximumSignalsPerExecution):
        # 9,999 AddLineItem, then the Approve that ends the run, make the 10,000.
        count = 10_000
        handle = await peer.running_order()
        started = time.monotonic()
        semaphore = asyncio.Semaphore(64)
        rejected: list[str] = []

        async def add(index: int) -> None:
            async with semaphore:
                try:
                    await handle.signal("AddLineItem", {"sku": f"s{index}", "quantity": 1, "unit_price": 0.5})
                except RPCError as error:
                    rejected.append(error.message)

        await asyncio.gather(*(add(index) for index in range(count - 1)))
        sent = time.monotonic() - started
        outcome = await peer.approved_receipt(handle)
        return {
            "outcome": "flooded",
            "signals": count,
            "rejected": len(rejected),
            "rejections": sorted(set(rejected)),
            "send_seconds": sent,
            **outcome,
        }
    if case == "activity-missing-field":
        return await peer.activity("ReserveStock", ['{"sku": "pen", "requested_at": "2026-01-02T03:04:05+00:00"}'])
    if case == "activity-too-many-args":
        return await peer.activity("StopHeartbeating", ['"token"', '"surplus"'])
    raise SystemExit(f"unknown case {case}")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("case")
    parser.add_argument("--address", required=True)
    parser.add_argument("--namespace", default="default")
    parser.add_argument("--task-queue", required=True)
    parser.add_argument("--activity-task-queue", required=True)
    options = parser.parse_args()
    client = await Client.connect(options.address, namespace=options.namespace)
    peer = Peer(client, options.task_queue, options.activity_task_queue)
    outcome = await run_case(peer, options.case)
    outcome["healthy"] = await peer.healthy()
    print(json.dumps(outcome, default=str), flush=True)


if __name__ == "__main__":
    run_script("hostile_client", main)
