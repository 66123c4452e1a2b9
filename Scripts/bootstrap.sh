#!/usr/bin/env bash
# Installs what the generator and its tests need on a fresh Debian machine: protoc (Debian's
# protobuf-compiler), nginx (the TLS-terminating proxy of the TLS tests), openssl and chromium (the
# headless browser of the HTML documentation's test) when missing,
# and a virtual environment with the pinned Python packages (the Temporal CLI and Python SDK
# among them). Safe to run again; it only installs what is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

missing=()
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler libprotobuf-dev)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The browser the HTML documentation is tested in (Tests/BrowserTests), headless.
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -x "$root/.venv/bin/python" ]; then
  echo "bootstrap: creating .venv"
  python3 -m venv "$root/.venv"
fi
if ! "$root/.venv/bin/python" -m pip install -q --disable-pip-version-check -r "$root/Tests/requirements.txt"; then
  echo "bootstrap: pip install failed" >&2
  exit 1
fi

# grpcio-tools' protoc as a plain `protoc` command: it reads edition 2023 files, which Debian's
# protoc cannot. Use it with `temporal-contracts --protoc .venv/bin/protoc` or PROTOC=.venv/bin/protoc.
protoc_include=$("$root/.venv/bin/python" -c 'import grpc_tools, os; print(os.path.join(os.path.dirname(grpc_tools.__file__), "_proto"))')
cat >"$root/.venv/bin/protoc" <<WRAPPER
#!/bin/sh
# Written by Scripts/bootstrap.sh: grpcio-tools' protoc, with its bundled google/protobuf imports.
exec "$root/.venv/bin/python" -m grpc_tools.protoc "\$@" "-I$protoc_include"
WRAPPER
chmod +x "$root/.venv/bin/protoc"
