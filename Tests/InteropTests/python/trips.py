"""The Trips contract (Tests/InteropWorkflows/Contracts/trips.temporal.yaml), Python side.

Swift implements BookTrip, Greet, LongLocal, Marathon, AwaitCancel and Deliberate (the Swift
workflow worker on `trips-swift`) and the Step and Doze activities; this module implements the
rest with the Python SDK on `trips-python`, so calls cross languages both ways:

- ReserveHotel and RecordCleanup: activities BookTrip and AwaitCancel run;
- ConfirmBooking: the child workflow BookTrip starts;
- PlanTrip: a Python workflow that runs Swift's Greet as its child;
- Deliberate and its Doze local activity: the Python twin of the Swift workflow, to compare histories.

Types travel as json/plain with the contract's snake_case field names.
"""

import asyncio
import os
from dataclasses import dataclass
from datetime import timedelta

from temporalio import activity, workflow
from temporalio.exceptions import ApplicationError

TASK_QUEUE = "trips-python"


@dataclass
class HotelRequest:
    traveler: str
    city: str
    nights: int


@dataclass
class HotelBooking:
    hotel: str
    city: str
    nights: int
    attempt: int


@dataclass
class Booking:
    traveler: str
    hotel: str


@activity.defn(name="ReserveHotel")
async def reserve_hotel(request: HotelRequest) -> HotelBooking:
    return HotelBooking(
        hotel=f"Hotel {request.city}",
        city=request.city,
        nights=request.nights,
        attempt=activity.info().attempt,
    )


@activity.defn(name="RecordCleanup")
async def record_cleanup(token: str) -> str:
    path = os.environ.get("TRIPS_CLEANUP_LOG")
    if path:
        with open(path, "a", encoding="utf-8") as log:
            log.write(token + "\n")
    return f"cleaned {token}"


@workflow.defn(name="ConfirmBooking")
class ConfirmBookingWorkflow:
    """Returns a confirmation code for the booking, after a short durable timer."""

    @workflow.run
    async def run(self, booking: Booking) -> str:
        await asyncio.sleep(0.1)
        return f"CONF-{booking.traveler}-{booking.hotel}"


@workflow.defn(name="PlanTrip")
class PlanTripWorkflow:
    """Runs Swift's Greet as a child workflow and returns its greeting."""

    @workflow.run
    async def run(self, traveler: str) -> str:
        greeting = await workflow.execute_child_workflow(
            "Greet",
            traveler,
            id=f"{workflow.info().workflow_id}-greet",
            task_queue=os.environ.get("TRIPS_SWIFT_QUEUE", "trips-swift"),
            result_type=str,
            execution_timeout=timedelta(minutes=1),
        )
        return f"planned: {greeting}"


@activity.defn(name="Doze")
async def doze(seconds: float) -> float:
    await asyncio.sleep(seconds)
    return seconds


@workflow.defn(name="Deliberate")
class DeliberateWorkflow:
    """Dozes in a local activity, then waits for approval; returns the budget (Swift has a twin)."""

    def __init__(self) -> None:
        self.budget = 0
        self.approved = False

    @workflow.run
    async def run(self, seconds: float) -> int:
        await workflow.execute_local_activity(doze, seconds, start_to_close_timeout=timedelta(seconds=30))
        await workflow.wait_condition(lambda: self.approved)
        return self.budget

    @workflow.signal(name="Approve")
    def approve(self, approver: str) -> None:
        self.approved = True

    @workflow.update(name="SetBudget")
    def set_budget(self, budget: int) -> int:
        previous, self.budget = self.budget, budget
        return previous

    @set_budget.validator
    def validate_set_budget(self, budget: int) -> None:
        if budget < 0:
            raise ApplicationError(f"budget must not be negative, got {budget}", type="InvalidBudget")


@workflow.defn(name="CallActivity")
class CallActivityWorkflow:
    """Runs the activity type it is given on the task queue it is given and returns its result:
    the dynamic-activity interop test names a type only Swift's dynamic activity serves."""

    @workflow.run
    async def run(self, activity_type: str, task_queue: str, argument: str) -> str:
        return await workflow.execute_activity(
            activity_type,
            argument,
            task_queue=task_queue,
            result_type=str,
            start_to_close_timeout=timedelta(seconds=30),
        )


WORKFLOWS = [ConfirmBookingWorkflow, PlanTripWorkflow, DeliberateWorkflow, CallActivityWorkflow]
# Doze runs only as Deliberate's local activity (in this process); Swift's Doze serves `trips-swift`.
ACTIVITIES = [reserve_hotel, record_cleanup, doze]
