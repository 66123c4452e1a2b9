"""A minimal OTLP/HTTP trace collector for the tracing tests.

Serves `POST /v1/traces` on a free port of 127.0.0.1, decodes each `ExportTraceServiceRequest`
(protobuf, optionally gzip-compressed) with `opentelemetry-proto`, and appends one JSON line per
span to the output file: service name, trace and span IDs (hex), parent span ID, name, kind,
string attributes and the span IDs it links to. Prints `PORT <port>`, then `READY` once it
listens; stops on SIGTERM.

Usage: otlp_collector.py --output SPANS.jsonl
"""

import argparse
import gzip
import json
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.trace.v1.trace_pb2 import Span

KINDS = {value: name.removeprefix("SPAN_KIND_").lower() for name, value in Span.SpanKind.items()}
LOCK = threading.Lock()


def attribute_value(value):
    kind = value.WhichOneof("value")
    return str(getattr(value, kind)) if kind else ""


def span_records(request):
    for resource_spans in request.resource_spans:
        service = next(
            (attribute_value(a.value) for a in resource_spans.resource.attributes if a.key == "service.name"),
            "",
        )
        for scope_spans in resource_spans.scope_spans:
            for span in scope_spans.spans:
                yield {
                    "service": service,
                    "traceId": span.trace_id.hex(),
                    "spanId": span.span_id.hex(),
                    "parentSpanId": span.parent_span_id.hex(),
                    "name": span.name,
                    "kind": KINDS.get(span.kind, str(span.kind)),
                    "attributes": {a.key: attribute_value(a.value) for a in span.attributes},
                    "links": [link.span_id.hex() for link in span.links],
                    "status": span.status.code,
                    "events": [event.name for event in span.events],
                }


def make_handler(output):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            if self.path != "/v1/traces":
                self.send_error(404, "only /v1/traces is collected")
                return
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if self.headers.get("Content-Encoding", "") == "gzip":
                body = gzip.decompress(body)
            request = ExportTraceServiceRequest()
            try:
                request.ParseFromString(body)
            except Exception as error:  # a malformed export is the sender's bug; report it
                self.send_error(400, f"not an ExportTraceServiceRequest: {error}")
                return
            with LOCK, open(output, "a", encoding="utf-8") as file:
                for record in span_records(request):
                    file.write(json.dumps(record, sort_keys=True) + "\n")
            response = ExportTraceServiceResponse().SerializeToString()
            self.send_response(200)
            self.send_header("Content-Type", "application/x-protobuf")
            self.send_header("Content-Length", str(len(response)))
            self.end_headers()
            self.wfile.write(response)

        def log_message(self, format, *args):
            pass

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    open(args.output, "w").close()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.output))
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print(f"PORT {server.server_address[1]}", flush=True)
    print("READY", flush=True)
    server.serve_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
