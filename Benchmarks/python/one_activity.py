"""The workloads of WorkflowWorkerBenchmark, as the Swift side in Sources/WorkflowWorkerBenchmark:
OneActivity (one Echo activity, then its result), TenActivities (ten sequential Echo activities,
each fed the previous result), the Echo activity, and Noop (the activity the RunNoops workflow of
Tests/InteropTests/python/warehouse.py schedules for the activity-only workload)."""

from datetime import timedelta

from temporalio import activity, workflow


@activity.defn(name="Echo")
async def echo(text: str) -> str:
    return text


@activity.defn(name="Noop")
async def noop(text: str) -> str:
    return text


@workflow.defn(name="OneActivity")
class OneActivity:
    @workflow.run
    async def run(self, text: str) -> str:
        return await workflow.execute_activity("Echo", text, start_to_close_timeout=timedelta(seconds=10), result_type=str)


@workflow.defn(name="TenActivities")
class TenActivities:
    @workflow.run
    async def run(self, text: str) -> str:
        result = text
        for _ in range(10):
            result = await workflow.execute_activity(
                "Echo", result, start_to_close_timeout=timedelta(seconds=10), result_type=str
            )
        return result
