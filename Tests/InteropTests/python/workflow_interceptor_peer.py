"""The Python side of the Swift workflow-interceptor interop test: an activity worker whose
activity inbound interceptor reads the Temporal header `request-id` that a Swift workflow's
outbound interceptor put on the activity.

Usage:
    python workflow_interceptor_peer.py --address HOST:PORT --task-queue Q
        Runs the activity `EchoRequestID` on Q; prints `READY`, runs until SIGTERM.

`EchoRequestID(label)` answers `"<label> request-id=<value>"`, with the value the interceptor read
from the attempt's header (`-` when the header is absent), so the Swift test sees what arrived.
"""

import argparse
import contextvars
import os
import sys
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import temporalio.converter  # noqa: E402
import temporalio.worker  # noqa: E402
from temporalio import activity  # noqa: E402
from temporalio.worker import Worker  # noqa: E402

from peer import add_server_arguments, connect, run_script, run_workers  # noqa: E402

HEADER = "request-id"
CONVERTER = temporalio.converter.default().payload_converter
REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")


class RequestIDInterceptor(temporalio.worker.Interceptor):
    """Binds the `request-id` header of each activity attempt to `REQUEST_ID`."""

    def intercept_activity(
        self, next: temporalio.worker.ActivityInboundInterceptor
    ) -> temporalio.worker.ActivityInboundInterceptor:
        return _RequestIDActivityInbound(next)


class _RequestIDActivityInbound(temporalio.worker.ActivityInboundInterceptor):
    async def execute_activity(self, input: temporalio.worker.ExecuteActivityInput) -> Any:
        payload = input.headers.get(HEADER)
        token = REQUEST_ID.set("-" if payload is None else CONVERTER.from_payload(payload, str))
        try:
            return await super().execute_activity(input)
        finally:
            REQUEST_ID.reset(token)


@activity.defn(name="EchoRequestID")
async def echo_request_id(label: str) -> str:
    return f"{label} {HEADER}={REQUEST_ID.get()}"


async def serve(args) -> int:
    client = await connect(args.address, args.namespace)
    worker = Worker(
        client,
        task_queue=args.task_queue,
        activities=[echo_request_id],
        interceptors=[RequestIDInterceptor()],
    )
    return await run_workers([worker])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_server_arguments(parser)
    parser.add_argument("--task-queue", required=True)
    args = parser.parse_args()
    run_script("workflow_interceptor_peer", lambda: serve(args))


if __name__ == "__main__":
    main()
