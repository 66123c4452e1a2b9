"""AES-256-GCM codec round trips in Python, for EncryptionCodecBenchmark.

The codec is the Python SDK's documented encryption sample (samples-python `encryption/codec.py`)
as its users write it: the serialized `temporal.api.common.v1.Payload` is encrypted with
`cryptography`'s AESGCM under a random 12-byte nonce prepended to the ciphertext, the result
marked `encoding: binary/encrypted` and `encryption-key-id: <id>`. With `zlib` the payload is
first compressed as the Go SDK's zlib codec does (`binary/zlib`, kept only when smaller).

The Swift benchmark writes a spec (JSON):
`{"key_hex": "...", "key_id": "...", "cases": [{"name": ..., "zlib": bool, "plain": PATH, "swift": PATH}]}`
where `plain` holds the payload's data (json/plain) and `swift` the Swift codec's encoded payload
(serialized protobuf). For each case this script decodes the Swift payload (it must give the
plain data back), writes its own encoding to `PATH.python` for the Swift side to decode, then
times round trips: `encode([payload])` then `decode(...)`. The last line of stdout is one JSON
object: per case, round trips per second of each run.

    python encryption_codec.py --spec FILE [--runs 3] [--seconds 1.0] [--warmup 0.3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import zlib
from importlib import metadata
from typing import List

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from temporalio.api.common.v1 import Payload


class EncryptionCodec:
    """The sample's codec, synchronous (the sample's async methods only wrap these loops)."""

    def __init__(self, key_id: str, key: bytes, compress: bool) -> None:
        self.key_id = key_id
        self.aes = AESGCM(key)
        self.compress = compress

    def encode(self, payloads: List[Payload]) -> List[Payload]:
        result = []
        for payload in payloads:
            if self.compress:
                serialized = payload.SerializeToString()
                compressed = zlib.compress(serialized)
                if len(compressed) < len(serialized):
                    payload = Payload(metadata={"encoding": b"binary/zlib"}, data=compressed)
            nonce = os.urandom(12)
            result.append(
                Payload(
                    metadata={"encoding": b"binary/encrypted", "encryption-key-id": self.key_id.encode()},
                    data=nonce + self.aes.encrypt(nonce, payload.SerializeToString(), None),
                )
            )
        return result

    def decode(self, payloads: List[Payload]) -> List[Payload]:
        result = []
        for payload in payloads:
            if payload.metadata.get("encoding", b"").decode() != "binary/encrypted":
                result.append(payload)
                continue
            if payload.metadata.get("encryption-key-id", b"").decode() != self.key_id:
                raise ValueError("unknown key ID")
            inner = Payload.FromString(self.aes.decrypt(payload.data[:12], payload.data[12:], None))
            if inner.metadata.get("encoding", b"") == b"binary/zlib":
                inner = Payload.FromString(zlib.decompress(inner.data))
            result.append(inner)
        return result


def measure(body, runs: int, seconds: float, warmup: float) -> List[float]:
    deadline = time.perf_counter() + warmup
    while time.perf_counter() < deadline:
        body()
    rates = []
    for _ in range(runs):
        count = 0
        start = time.perf_counter()
        while True:
            body()
            count += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        rates.append(count / elapsed)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--warmup", type=float, default=0.3)
    args = parser.parse_args()
    with open(args.spec) as file:
        spec = json.load(file)
    key = bytes.fromhex(spec["key_hex"])
    results = {}
    for case in spec["cases"]:
        codec = EncryptionCodec(spec["key_id"], key, case["zlib"])
        with open(case["plain"], "rb") as file:
            plain = file.read()
        with open(case["swift"], "rb") as file:
            swift_payload = Payload.FromString(file.read())
        decoded = codec.decode([swift_payload])[0]
        if decoded.data != plain or decoded.metadata.get("encoding") != b"json/plain":
            print(json.dumps({"error": f"{case['name']}: the Swift payload did not decode to the plain data"}))
            sys.exit(1)
        payload = Payload(metadata={"encoding": b"json/plain"}, data=plain)
        with open(case["swift"] + ".python", "wb") as file:
            file.write(codec.encode([payload])[0].SerializeToString())
        results[case["name"]] = measure(
            lambda: codec.decode(codec.encode([payload])), args.runs, args.seconds, args.warmup
        )
    print(
        json.dumps(
            {
                "python": platform.python_version(),
                "temporalio": metadata.version("temporalio"),
                "cryptography": metadata.version("cryptography"),
                "rates": results,
            }
        )
    )


if __name__ == "__main__":
    main()
