#!/usr/bin/env python3
"""Writes the Temporal API descriptors that the pinned `temporalio` wheel carries as a
FileDescriptorSet: the closure of the services we call (workflow service) and the error details
the server attaches to gRPC statuses. No upstream .proto file is needed or copied."""
import importlib
import sys

from google.protobuf import descriptor_pb2, descriptor_pool

ROOTS = [
    "temporalio.api.workflowservice.v1.service_pb2",
    "temporalio.api.errordetails.v1.message_pb2",
]


def main(output: str) -> None:
    for module in ROOTS:
        importlib.import_module(module)
    pool = descriptor_pool.Default()
    ordered: list = []
    seen: set = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        file = pool.FindFileByName(name)
        for dependency in file.dependencies:
            visit(dependency.name)
        proto = descriptor_pb2.FileDescriptorProto()
        file.CopyToProto(proto)
        ordered.append(proto)

    for root in ["temporal/api/workflowservice/v1/service.proto", "temporal/api/errordetails/v1/message.proto"]:
        visit(root)
    descriptor_set = descriptor_pb2.FileDescriptorSet(file=ordered)
    with open(output, "wb") as handle:
        handle.write(descriptor_set.SerializeToString())
    for proto in ordered:
        print(proto.name)


if __name__ == "__main__":
    main(sys.argv[1])
