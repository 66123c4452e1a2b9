"""The Python side of the tracing tests, with the Python SDK's OpenTelemetry TracingInterceptor.

`worker`: serves the activity `python_greet` and the workflow `PythonTracedWorkflow` (which runs
`python_greet`) on --task-queue, exporting spans to the collector as service `python-worker`.
Prints `READY`; stops on SIGTERM, flushing its spans.

`start`: as service `python-client`, starts --workflow-type with --workflow-id on --task-queue
with one string argument, waits for its result and prints it.

Common arguments: --address, --namespace, --collector (the OTLP/HTTP traces URL).
"""

import argparse
import asyncio
import os
import signal
import sys
from datetime import timedelta

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from temporalio import activity, workflow
from temporalio.client import Client
from temporalio.contrib.opentelemetry import TracingInterceptor
from temporalio.worker import UnsandboxedWorkflowRunner, Worker


@activity.defn(name="python_greet")
async def python_greet(name: str) -> str:
    return f"Hello, {name}"


@workflow.defn(name="PythonTracedWorkflow")
class PythonTracedWorkflow:
    @workflow.run
    async def run(self, name: str) -> str:
        return await workflow.execute_activity(
            python_greet, name, start_to_close_timeout=timedelta(seconds=30)
        )


def tracer_provider(service, collector):
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    # Simple (not batched): each span is exported when it ends, so nothing waits in a buffer.
    provider.add_span_processor(SimpleSpanProcessor(OTLPSpanExporter(endpoint=collector)))
    return provider


async def connect(args, provider):
    tracing = TracingInterceptor(provider.get_tracer("tracing_peer"))
    return await Client.connect(args.address, namespace=args.namespace, interceptors=[tracing])


async def run_worker(args):
    provider = tracer_provider("python-worker", args.collector)
    client = await connect(args, provider)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with Worker(
        client,
        task_queue=args.task_queue,
        workflows=[PythonTracedWorkflow],
        activities=[python_greet],
        workflow_runner=UnsandboxedWorkflowRunner(),
    ):
        print("READY", flush=True)
        await stop.wait()
    provider.shutdown()


async def run_start(args):
    provider = tracer_provider("python-client", args.collector)
    client = await connect(args, provider)
    result = await client.execute_workflow(
        args.workflow_type,
        args.input,
        id=args.workflow_id,
        task_queue=args.task_queue,
        execution_timeout=timedelta(seconds=120),
    )
    provider.shutdown()
    print(result, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["worker", "start"])
    parser.add_argument("--address", required=True)
    parser.add_argument("--namespace", required=True)
    parser.add_argument("--collector", required=True)
    parser.add_argument("--task-queue", required=True)
    parser.add_argument("--workflow-type")
    parser.add_argument("--workflow-id")
    parser.add_argument("--input", default="")
    args = parser.parse_args()
    asyncio.run(run_worker(args) if args.command == "worker" else run_start(args))
    # The spans are exported and the result printed: skip interpreter finalization, where the
    # SDK's native threads can abort the process ("PyGILState_Release ... finalizing").
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
