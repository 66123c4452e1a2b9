"""OneActivity: the workflow of WorkflowWorkerBenchmark (one Echo activity, then its result) and
the Echo activity, as the Swift side in Sources/WorkflowWorkerBenchmark/OneActivity.swift."""

from datetime import timedelta

from temporalio import activity, workflow


@activity.defn(name="Echo")
async def echo(text: str) -> str:
    return text


@workflow.defn(name="OneActivity")
class OneActivity:
    @workflow.run
    async def run(self, text: str) -> str:
        return await workflow.execute_activity("Echo", text, start_to_close_timeout=timedelta(seconds=10), result_type=str)
