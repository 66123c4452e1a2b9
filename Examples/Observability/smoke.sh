#!/usr/bin/env bash
# Runs the observability example end to end, as a reader of its README would:
#   1. builds it;
#   2. starts a dev server, and an OTLP/HTTP receiver standing in for a collector, on free ports;
#   3. runs the example for a short workload (5 Greet workflows);
#   4. scrapes its /metrics: the SDK metric names, tags and counts;
#   5. decodes a payload of the workflow's history (stored encrypted) with the codec server;
#   6. stops the example and checks that its spans reached the receiver.
# Prints "N passed, M failed" and exits non-zero on any failure. Stops everything it started.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
temporal=${TEMPORAL_CLI:-$root/.venv/bin/temporal}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
check() {
  if [ "$1" = 0 ]; then passed=$((passed + 1)); echo "ok   $2"; else failed=$((failed + 1)); echo "FAIL $2"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
  exit $?
}
# Waits (at most $2 seconds) until the command $1 succeeds.
wait_for() {
  local deadline=$((SECONDS + $2))
  until eval "$1" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}

cd "$here"
swift build >"$work/build.log" 2>&1
status=$?
if [ $status != 0 ] && grep -qE "because of missing inputs|cannot find type" "$work/build.log"; then
  # When source files of the root package are added, removed or moved, SwiftPM may keep this
  # package's stale build plan (the root is a path dependency); without the plan it plans again.
  rm -f .build/*/debug/description.json
  swift build >"$work/build.log" 2>&1
  status=$?
fi
check $status "the example builds"
[ $status = 0 ] || { tail -30 "$work/build.log"; finish; }
example=$(swift build --show-bin-path)/observability-example

read -r frontend http_port server_metrics metrics codec otlp < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(6)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))
')

"$temporal" server start-dev --headless --ip 127.0.0.1 --port "$frontend" --http-port "$http_port" \
  --metrics-port "$server_metrics" --log-level warn >"$work/server.log" 2>&1 &
pids+=($!)
wait_for "'$temporal' operator namespace describe --namespace default --address 127.0.0.1:$frontend" 120
check $? "the dev server starts"

# Counts the OTLP/HTTP export requests it receives (one line each): the example's spans arrive.
python3 -c '
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with open(sys.argv[2], "a") as out:
            out.write(f"{self.path} {len(body)}\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *args):
        pass
HTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
' "$otlp" "$work/otlp.log" &
pids+=($!)

"$example" --address "127.0.0.1:$frontend" --metrics-port "$metrics" --codec-port "$codec" \
  --otlp-endpoint "http://127.0.0.1:$otlp/v1/traces" --workflows 5 >"$work/example.log" 2>&1 &
example_pid=$!
pids+=($example_pid)
wait_for "grep -q 'workload finished' '$work/example.log'" 180
status=$?
check $status "the example runs its workload of 5 workflows"
[ $status = 0 ] || { tail -30 "$work/example.log"; finish; }

curl -sf "http://127.0.0.1:$metrics/metrics" >"$work/metrics.txt"
check $? "GET /metrics answers"
# The value of the series of $1 whose labels include each of the following label="value" pairs, summed.
metric() {
  local name=$1
  shift
  python3 - "$work/metrics.txt" "$name" "$@" <<'EOF'
import re, sys
path, name, *pairs = sys.argv[1:]
total, found = 0.0, False
for line in open(path):
    match = re.match(r'^([a-z_]+)(?:\{(.*)\})? (\S+)$', line.strip())
    if not match or match.group(1) != name:
        continue
    labels = match.group(2) or ""
    if all(pair in labels for pair in pairs):
        total, found = total + float(match.group(3)), True
print(int(total) if found else "missing")
EOF
}
expect() {
  local want=$1 got=$2 what=$3
  python3 -c "import sys; got=sys.argv[2]; sys.exit(0 if got != 'missing' and eval(got + sys.argv[1]) else 1)" "$want" "$got"
  check $? "$what ($got, expected $want)"
}
queue='task_queue="greetings"'
expect "==5" "$(metric temporal_workflow_completed 'workflow_type="Greet"' "$queue" 'namespace="default"')" \
  "temporal_workflow_completed{workflow_type=\"Greet\"}"
expect "==5" "$(metric temporal_activity_execution_latency_count 'activity_type="ComposeGreeting"' "$queue")" \
  "temporal_activity_execution_latency_count{activity_type=\"ComposeGreeting\"}"
expect ">=5" "$(metric temporal_workflow_task_schedule_to_start_latency_count 'workflow_type="Greet"')" \
  "temporal_workflow_task_schedule_to_start_latency_count"
expect ">=5" "$(metric temporal_request 'operation="StartWorkflowExecution"' 'namespace="default"')" \
  "temporal_request{operation=\"StartWorkflowExecution\"}"
expect ">=5" "$(metric temporal_request_latency_count 'operation="RespondActivityTaskCompleted"')" \
  "temporal_request_latency_count{operation=\"RespondActivityTaskCompleted\"}"
expect ">0" "$(metric temporal_long_request 'operation="PollWorkflowTaskQueue"')" \
  "temporal_long_request{operation=\"PollWorkflowTaskQueue\"}"
expect ">0" "$(metric temporal_worker_task_slots_available 'worker_type="ActivityWorker"' "$queue")" \
  "temporal_worker_task_slots_available{worker_type=\"ActivityWorker\"}"
expect ">=0" "$(metric temporal_sticky_cache_size "$queue")" "temporal_sticky_cache_size"

# The first workflow's input as the history stores it (encrypted), decoded by the codec server.
workflow_id=$(grep -o 'e\.g\. greet-visitor-[a-z0-9-]*' "$work/example.log" | head -1 | cut -d' ' -f2)
"$temporal" workflow show --workflow-id "$workflow_id" --address "127.0.0.1:$frontend" --output json >"$work/history.json" 2>&1
python3 - "$work/history.json" "$work/encoded.json" <<'EOF'
import base64, json, sys
events = json.load(open(sys.argv[1]))["events"]
payload = next(e for e in events if "workflowExecutionStartedEventAttributes" in e)["workflowExecutionStartedEventAttributes"]["input"]["payloads"][0]
assert base64.b64decode(payload["metadata"]["encoding"]) == b"binary/encrypted", payload["metadata"]
json.dump({"payloads": [payload]}, open(sys.argv[2], "w"))
EOF
check $? "the history stores the workflow's input encrypted (binary/encrypted)"
curl -sf -X POST -H 'Content-Type: application/json' --data @"$work/encoded.json" \
  "http://127.0.0.1:$codec/default/decode" >"$work/decoded.json"
check $? "POST /default/decode answers"
python3 - "$work/decoded.json" "$workflow_id" <<'EOF'
import base64, json, sys
payload = json.load(open(sys.argv[1]))["payloads"][0]
assert base64.b64decode(payload["metadata"]["encoding"]) == b"json/plain", payload["metadata"]
name = json.loads(base64.b64decode(payload["data"]))["name"]
assert "greet-" + name == sys.argv[2], (name, sys.argv[2])
EOF
check $? "the codec server decodes it to the JSON input {\"name\": …}"

# A graceful stop flushes the spans still batched; the receiver has them all by then.
kill -TERM "$example_pid"
wait "$example_pid"
check $? "the example stops cleanly on SIGTERM"
[ -s "$work/otlp.log" ] && grep -q '^/v1/traces [1-9]' "$work/otlp.log"
check $? "its spans reached the OTLP/HTTP endpoint ($(wc -l <"$work/otlp.log" 2>/dev/null || echo 0) exports)"
finish
