"""The Python side of WorkflowEngineBenchmark: replays the Pipeline history (10 Step activities,
10 one-minute timers) that the Swift test environment produced, with the Python SDK's Replayer
(sdk-core's state machines, unsandboxed), and prints replays per second as its last JSON line."""

import argparse
import asyncio
import json
import time
from datetime import timedelta

import temporalio
from temporalio import workflow
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer, UnsandboxedWorkflowRunner


@workflow.defn(name="Pipeline")
class Pipeline:
    @workflow.run
    async def run(self, steps: int) -> int:
        total = 0
        for index in range(1, max(steps, 1) + 1):
            total += await workflow.execute_activity("Step", index, start_to_close_timeout=timedelta(seconds=10))
            await asyncio.sleep(60)
        return total


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--history", required=True)
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with open(args.history, encoding="utf-8") as file:
        history = WorkflowHistory.from_json("bench", file.read())
    replayer = Replayer(workflows=[Pipeline], workflow_runner=UnsandboxedWorkflowRunner())
    await replayer.replay_workflow(history)

    async def histories():
        for index in range(args.count):
            yield WorkflowHistory(workflow_id=f"bench-{index}", events=history.events)

    rates = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        results = await replayer.replay_workflows(histories(), raise_on_replay_failure=True)
        rates.append(args.count / (time.perf_counter() - start))
        assert results.replay_failures == {}, results.replay_failures
    print(json.dumps({"rates": rates, "temporalio": temporalio.__version__}), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
