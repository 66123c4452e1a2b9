"""The Fulfillment contract (Tests/InteropTests/Contracts/fulfillment.temporal.yaml), implemented
by hand with the Python SDK (temporalio) for the server-backed interop tests.

Types travel through temporalio's default payload converter (json/plain): dataclasses become JSON
objects whose keys are the field names (snake_case, as in the contract), `str` enums travel as their
string values, `IntEnum`s as their numbers, datetimes as `isoformat()` strings, UUIDs as (lowercase)
strings and `None` as JSON null.

Sandbox: the worker runs these workflows with `UnsandboxedWorkflowRunner` (the sandbox is
DISABLED). In the sandbox the re-imported module sees a restricted proxy of `datetime.datetime`, so
the converter's `hint is datetime` check fails for `Order.placed_at` ("Unserializable type during
conversion: <class 'datetime.datetime'>") unless the types move to a separate passed-through module.
The workflows below are deterministic by construction: they use only `workflow.now()`,
`workflow.wait_condition`, `asyncio.sleep` (a durable timer) and `workflow.continue_as_new`.
"""

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import Enum, IntEnum
from typing import Dict, List, Optional

from temporalio import workflow
from temporalio.exceptions import ApplicationError

TASK_QUEUE = "fulfillment"


# --- Types ------------------------------------------------------------------------------------


class OrderStatus(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"
    SHIPPED = "shipped"
    CANCELED = "canceled"


class Color(IntEnum):
    RED = 1
    GREEN = 2


@dataclass
class LineItem:
    sku: str
    quantity: int
    unit_price: float


@dataclass
class Order:
    order_id: str
    customer_name: str
    items: List[LineItem]
    placed_at: datetime
    tracking_id: uuid.UUID
    status: OrderStatus
    color: Color
    tags: Dict[str, str]
    express: bool
    batches: List[List[str]]
    item_groups: Dict[str, List[LineItem]]
    note: Optional[str] = None
    discounts: Optional[Dict[str, float]] = None


@dataclass
class Receipt:
    order: Order
    status: OrderStatus
    item_count: int
    priority: int
    approvals: List[str]
    processed_at: datetime


@dataclass
class Progress:
    status: OrderStatus
    item_count: int
    priority: int
    approvals: List[str]


@dataclass
class Approval:
    approver: str


@dataclass
class Priority:
    level: int


@dataclass
class CountdownState:
    remaining: int
    runs: int


@dataclass
class FailureDetail:
    code: int
    reason: str


@dataclass
class FailureRequest:
    error_type: str
    message: str
    non_retryable: bool
    detail: FailureDetail


# --- Workflows --------------------------------------------------------------------------------


@workflow.defn(name="ProcessOrder")
class ProcessOrderWorkflow:
    """Waits for an approval, then returns a receipt of the order as the worker saw it."""

    @workflow.init
    def __init__(self, order: Order) -> None:
        self.status = OrderStatus.PENDING
        self.items: List[LineItem] = list(order.items)
        self.priority = 0
        self.approvals: List[str] = []

    @workflow.run
    async def run(self, order: Order) -> Receipt:
        await workflow.wait_condition(lambda: len(self.approvals) > 0)
        return Receipt(
            order=order,
            status=OrderStatus.APPROVED,
            item_count=len(self.items),
            priority=self.priority,
            approvals=list(self.approvals),
            processed_at=workflow.now(),
        )

    @workflow.signal(name="Approve")
    def approve(self, approval: Approval) -> None:
        self.approvals.append(approval.approver)
        self.status = OrderStatus.APPROVED

    @workflow.signal(name="AddLineItem")
    def add_line_item(self, item: LineItem) -> None:
        self.items.append(item)

    @workflow.query(name="GetProgress")
    def get_progress(self) -> Progress:
        return Progress(
            status=self.status,
            item_count=len(self.items),
            priority=self.priority,
            approvals=list(self.approvals),
        )

    @workflow.query(name="FailingQuery")
    def failing_query(self) -> str:
        raise ApplicationError("query failed on purpose")

    @workflow.update(name="SetPriority")
    def set_priority(self, priority: Priority) -> Priority:
        self.priority = priority.level
        return Priority(level=priority.level)

    @set_priority.validator
    def validate_set_priority(self, priority: Priority) -> None:
        if priority.level < 0:
            raise ValueError("priority must not be negative")

    @workflow.update(name="FailingUpdate")
    def failing_update(self, text: str) -> str:
        raise ApplicationError(f"update failed: {text}", type="UpdateFailure", non_retryable=True)


@workflow.defn(name="Combine")
class CombineWorkflow:
    """Takes several arguments and joins them."""

    @workflow.run
    async def run(self, text: str, count: int, scale: float) -> str:
        # The converter already turns a JSON integer (e.g. `1`) into a float for this parameter;
        # float() just makes the `1.0` rendering explicit.
        return f"{text}:{count}:{float(scale)}"


@workflow.defn(name="Countdown")
class CountdownWorkflow:
    """Continues as new once per step until nothing remains; returns the number of runs."""

    @workflow.run
    async def run(self, state: CountdownState) -> CountdownState:
        if state.remaining > 0:
            workflow.continue_as_new(
                CountdownState(remaining=state.remaining - 1, runs=state.runs + 1)
            )
        return CountdownState(remaining=0, runs=state.runs + 1)


@workflow.defn(name="FailWith")
class FailWithWorkflow:
    """Fails with the application error the request describes."""

    @workflow.run
    async def run(self, request: FailureRequest) -> None:
        raise ApplicationError(
            request.message,
            request.detail,
            type=request.error_type,
            non_retryable=request.non_retryable,
        )


@workflow.defn(name="AwaitCancellation")
class AwaitCancellationWorkflow:
    """Waits until canceled; when `swallow` is true it cleans up and returns instead of failing."""

    @workflow.run
    async def run(self, swallow: bool) -> str:
        try:
            await workflow.wait_condition(lambda: False)
        except asyncio.CancelledError:
            if swallow:
                return "cleaned up after cancel"
            raise
        return "unreachable"


@workflow.defn(name="Sleep")
class SleepWorkflow:
    """Sleeps on a durable timer, then returns how long it slept."""

    @workflow.run
    async def run(self, seconds: float) -> float:
        await asyncio.sleep(seconds)
        return seconds


WORKFLOWS = [
    ProcessOrderWorkflow,
    CombineWorkflow,
    CountdownWorkflow,
    FailWithWorkflow,
    AwaitCancellationWorkflow,
    SleepWorkflow,
]
