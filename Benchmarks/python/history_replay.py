"""The Python side of HistoryReplayBenchmark: replays one LongHistory history (JSON) with the Python
SDK's Replayer (sdk-core's state machines, unsandboxed runner) `--repeats` times in this process,
and prints the time of each replay and the process's resident memory before the first replay and at
its peak, as its last JSON line. A replay failure (nondeterminism) exits with an error."""

import argparse
import asyncio
import json
import time
from datetime import timedelta

import temporalio
from temporalio import workflow
from temporalio.client import WorkflowHistory
from temporalio.worker import Replayer, UnsandboxedWorkflowRunner


@workflow.defn(name="LongHistory")
class LongHistory:
    """The same workflow as Sources/HistoryReplayBenchmark/LongHistory.swift."""

    SIGNAL_EVERY = 10

    def __init__(self) -> None:
        self.bumps = 0
        self.waiting_for = 0

    @workflow.run
    async def run(self, iterations: int) -> int:
        total = 0
        for index in range(1, max(iterations, 1) + 1):
            total += await workflow.execute_activity("Step", index, start_to_close_timeout=timedelta(seconds=10))
            await asyncio.sleep(1)
            if index % self.SIGNAL_EVERY == 0:
                wanted = index // self.SIGNAL_EVERY
                self.waiting_for = wanted
                await workflow.wait_condition(lambda: self.bumps >= wanted)
        return total + self.bumps

    @workflow.signal(name="Bump")
    def bump(self, amount: int) -> None:
        self.bumps += amount

    @workflow.query(name="Waiting")
    def waiting(self) -> int:
        return self.waiting_for


def memory(name: str) -> int:
    """A /proc/self/status figure (VmRSS, VmHWM) in bytes."""
    with open("/proc/self/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith(name + ":"):
                return int(line.split()[1]) * 1024
    return 0


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--history", required=True)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with open(args.history, encoding="utf-8") as file:
        history = WorkflowHistory.from_json("long-history", file.read())
    replayer = Replayer(workflows=[LongHistory], workflow_runner=UnsandboxedWorkflowRunner())
    rss_before = memory("VmRSS")
    seconds = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        result = await replayer.replay_workflow(history, raise_on_replay_failure=False)
        seconds.append(time.perf_counter() - start)
        if result.replay_failure is not None:
            raise SystemExit(f"replay failed: {result.replay_failure}")
    print(
        json.dumps(
            {
                "events": len(history.events),
                "seconds": seconds,
                "rss_before": rss_before,
                "peak_rss": memory("VmHWM"),
                "temporalio": temporalio.__version__,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    asyncio.run(main())
