"""WaitingRun: the workflow of WaitingRunsBenchmark, as the Swift side in
Sources/WaitingRunsBenchmark/WaitingRun.swift: it starts, then waits for `Finish`; `Poke` stores a
value and the `Read` update returns it."""

from temporalio import workflow


@workflow.defn(name="WaitingRun")
class WaitingRun:
    def __init__(self) -> None:
        self.value = ""
        self.finished = False

    @workflow.run
    async def run(self, name: str) -> str:
        await workflow.wait_condition(lambda: self.finished)
        return self.value

    @workflow.signal(name="Poke")
    def poke(self, value: str) -> None:
        self.value = value

    @workflow.signal(name="Finish")
    def finish(self, _: str) -> None:
        self.finished = True

    @workflow.update(name="Read")
    def read(self, _: str) -> str:
        return self.value
