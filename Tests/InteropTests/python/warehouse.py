"""The Warehouse contract (Tests/InteropTests/Contracts/warehouse.temporal.yaml), Python side.

Swift implements the contract's ACTIVITIES (a Swift activity worker on task queue
`warehouse-activities`); this module implements its WORKFLOWS with the Python SDK (temporalio),
calling those activities by name, plus a Python implementation of the `Noop` activity so the
benchmark can compare a Python activity worker with the Swift one.

Types travel through temporalio's default payload converter (json/plain): dataclasses become JSON
objects whose keys are the field names (snake_case, as in the contract), datetimes travel as
`isoformat()` strings, UUIDs as (lowercase) strings and `None` as JSON null.

Sandbox: the worker runs these workflows with `UnsandboxedWorkflowRunner` (the sandbox is
DISABLED), for the same reason as fulfillment.py: in the sandbox the re-imported module sees a
restricted proxy of `datetime.datetime`, so the converter's `hint is datetime` check fails for
`Reservation.requested_at` ("Unserializable type during conversion: <class 'datetime.datetime'>").
The workflows below are deterministic by construction: they only schedule activities, use
`workflow.sleep` (a durable timer) and plain asyncio tasks on the workflow's deterministic loop.

`ActivityOutcome` reports what a workflow saw of an activity it ran:

    status       "completed", "failed", "canceled" or "timed_out"
    result       the activity's (string) result, when it completed
    error_type   ApplicationError.type, or the failure class name for other failures
    message      the failure's message; for a timeout, the timeout type's name (e.g. "HEARTBEAT")
    non_retryable  ApplicationError.non_retryable
    details      ApplicationError.details, decoded as FailureDetail
    cause_type   the Python class name of the activity error's cause (e.g. "ApplicationError",
                 "CancelledError", "TimeoutError")
"""

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import List, Optional

from temporalio import activity, workflow
from temporalio.common import RetryPolicy
from temporalio.converter import value_to_type
from temporalio.exceptions import (
    ActivityError,
    ApplicationError,
    CancelledError,
    FailureError,
    TimeoutError,
)
from temporalio.workflow import ActivityCancellationType

WORKFLOW_TASK_QUEUE = "warehouse-workflows"
ACTIVITY_TASK_QUEUE = "warehouse-activities"


# --- Types ------------------------------------------------------------------------------------


@dataclass
class Reservation:
    sku: str
    quantity: int
    requested_at: datetime
    note: Optional[str] = None


@dataclass
class ReservationResult:
    reservation_id: uuid.UUID
    sku: str
    quantity: int
    requested_at: datetime
    attempt: int
    workflow_id: str


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


@dataclass
class RetryReport:
    attempt: int
    previous_progress: List[int]


@dataclass
class ActivityOutcome:
    status: str
    result: Optional[str] = None
    error_type: Optional[str] = None
    message: Optional[str] = None
    non_retryable: Optional[bool] = None
    details: Optional[List[FailureDetail]] = None
    cause_type: Optional[str] = None


# --- Helpers ----------------------------------------------------------------------------------


def _failure_detail(value) -> FailureDetail:
    """Failure details arrive untyped (the converter has no type hint for them), so a JSON object
    arrives as a dict; turn it into a FailureDetail."""
    if isinstance(value, FailureDetail):
        return value
    return value_to_type(FailureDetail, value)


def _failed(cause: Optional[BaseException]) -> ActivityOutcome:
    """The outcome for an activity that failed with `cause` (the ActivityError's cause)."""
    if isinstance(cause, ApplicationError):
        return ActivityOutcome(
            status="failed",
            error_type=cause.type,
            message=cause.message,
            non_retryable=cause.non_retryable,
            details=[_failure_detail(d) for d in cause.details],
            cause_type=type(cause).__name__,
        )
    if cause is None:
        return ActivityOutcome(status="failed", error_type=None, message=None, cause_type=None)
    message = cause.message if isinstance(cause, FailureError) else str(cause)
    return ActivityOutcome(
        status="failed",
        error_type=type(cause).__name__,
        message=message,
        cause_type=type(cause).__name__,
    )


# --- Workflows --------------------------------------------------------------------------------


@workflow.defn(name="ReserveViaSwift")
class ReserveViaSwiftWorkflow:
    """Runs ReserveStock on the Swift worker and returns its result."""

    @workflow.run
    async def run(self, reservation: Reservation) -> ReservationResult:
        return await workflow.execute_activity(
            "ReserveStock",
            reservation,
            task_queue=ACTIVITY_TASK_QUEUE,
            start_to_close_timeout=timedelta(seconds=10),
            result_type=ReservationResult,
        )


@workflow.defn(name="FailViaSwift")
class FailViaSwiftWorkflow:
    """Runs FailWith on the Swift worker (no retries) and reports the error Python saw."""

    @workflow.run
    async def run(self, request: FailureRequest) -> ActivityOutcome:
        try:
            await workflow.execute_activity(
                "FailWith",
                request,
                task_queue=ACTIVITY_TASK_QUEUE,
                start_to_close_timeout=timedelta(seconds=10),
                retry_policy=RetryPolicy(maximum_attempts=1),
            )
        except ActivityError as err:
            return _failed(err.cause)
        return ActivityOutcome(status="completed")


@workflow.defn(name="RetryViaSwift")
class RetryViaSwiftWorkflow:
    """Runs SucceedOnThirdAttempt with retries (initial interval 100ms) and returns its report."""

    @workflow.run
    async def run(self) -> RetryReport:
        return await workflow.execute_activity(
            "SucceedOnThirdAttempt",
            task_queue=ACTIVITY_TASK_QUEUE,
            start_to_close_timeout=timedelta(seconds=10),
            heartbeat_timeout=timedelta(seconds=5),
            retry_policy=RetryPolicy(
                initial_interval=timedelta(milliseconds=100),
                backoff_coefficient=1.0,
                maximum_attempts=5,
            ),
            result_type=RetryReport,
        )


@workflow.defn(name="CancelViaSwift")
class CancelViaSwiftWorkflow:
    """Starts WaitForCancel, cancels it `after_ms` after the ActivityStarted signal, and reports
    what the activity ended with.

    The test signals once the Swift activity has started: a cancel that reached the server before
    the activity task was polled would never reach Swift code. The activity is cancelled with
    WAIT_CANCELLATION_COMPLETED, so the workflow only sees the outcome once the (Swift) activity
    has reported it (i.e. after its cleanup ran)."""

    def __init__(self) -> None:
        self._activity_started = False

    @workflow.signal(name="ActivityStarted")
    def activity_started(self) -> None:
        self._activity_started = True

    @workflow.run
    async def run(self, token: str, after_ms: int) -> ActivityOutcome:
        handle = workflow.start_activity(
            "WaitForCancel",
            token,
            task_queue=ACTIVITY_TASK_QUEUE,
            start_to_close_timeout=timedelta(seconds=60),
            # Loose: with every suite running on 2 cores a 2 s timeout expired once between two
            # heartbeats, and the retried attempt ran the activity a second time.
            heartbeat_timeout=timedelta(seconds=10),
            cancellation_type=ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
            result_type=str,
        )
        await workflow.wait_condition(lambda: self._activity_started)
        await workflow.sleep(timedelta(milliseconds=after_ms))
        handle.cancel()
        try:
            result = await handle
        except ActivityError as err:
            cause = err.cause
            if isinstance(cause, CancelledError):
                return ActivityOutcome(
                    status="canceled",
                    message=cause.message,
                    cause_type=type(cause).__name__,
                )
            return _failed(cause)
        return ActivityOutcome(status="completed", result=result)


@workflow.defn(name="HeartbeatTimeoutViaSwift")
class HeartbeatTimeoutViaSwiftWorkflow:
    """Runs StopHeartbeating with a 1 s heartbeat timeout and no retries; reports the timeout."""

    @workflow.run
    async def run(self, token: str) -> ActivityOutcome:
        try:
            result = await workflow.execute_activity(
                "StopHeartbeating",
                token,
                task_queue=ACTIVITY_TASK_QUEUE,
                start_to_close_timeout=timedelta(seconds=60),
                heartbeat_timeout=timedelta(seconds=1),
                retry_policy=RetryPolicy(maximum_attempts=1),
                result_type=str,
            )
        except ActivityError as err:
            cause = err.cause
            if isinstance(cause, TimeoutError):
                return ActivityOutcome(
                    status="timed_out",
                    message=cause.type.name if cause.type is not None else None,
                    cause_type=type(cause).__name__,
                )
            return _failed(cause)
        return ActivityOutcome(status="completed", result=result)


@workflow.defn(name="RunNoops")
class RunNoopsWorkflow:
    """Runs `count` Noop activities on `task_queue`, at most `parallelism` at a time; returns how
    many completed.

    `parallelism` lanes each take the next index in turn and run its activity (a sliding window,
    not batches). Deterministic: the lanes run on the workflow's deterministic event loop and the
    shared counter is only touched between awaits. An activity that fails for good (it is retried
    under the server's default policy) is not counted.
    """

    @workflow.run
    async def run(self, count: int, parallelism: int, task_queue: str) -> int:
        next_index = 0
        completed = 0

        async def lane() -> None:
            nonlocal next_index, completed
            while next_index < count:
                index = next_index
                next_index += 1
                try:
                    await workflow.execute_activity(
                        "Noop",
                        f"n{index}",
                        task_queue=task_queue,
                        start_to_close_timeout=timedelta(seconds=10),
                        result_type=str,
                    )
                except ActivityError:
                    continue
                completed += 1

        lanes = max(1, min(parallelism, count))
        await asyncio.gather(*(lane() for _ in range(lanes)))
        return completed


WORKFLOWS = [
    ReserveViaSwiftWorkflow,
    FailViaSwiftWorkflow,
    RetryViaSwiftWorkflow,
    CancelViaSwiftWorkflow,
    HeartbeatTimeoutViaSwiftWorkflow,
    RunNoopsWorkflow,
]


# --- Activities -------------------------------------------------------------------------------


@activity.defn(name="Noop")
async def noop(text: str) -> str:
    """The benchmark's Python activity: echoes its argument."""
    return text


ACTIVITIES = [noop]
