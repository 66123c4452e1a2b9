"""Writes Fixtures/python-vectors.json: payloads encrypted the way the Python SDK's encryption
sample codec encrypts them, for AESGCMPayloadCodecVectorTests to decode in Swift.

Run once from the repository root with the test venv (`.venv/bin/python
Tests/TemporalContractsEncryptionTests/python/make_vectors.py`); the output is committed. The
nonces are fixed here so that the file is reproducible; the codec itself draws them at random.
"""

import base64
import json
import pathlib
import zlib

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from temporalio.api.common.v1 import Payload

KEY_ID = "vector-key-1"
# 32 bytes 0x00, 0x01, ..., 0x1f: a test key, never a real one.
KEY = bytes(range(32))


def encrypt(inner: Payload, nonce: bytes) -> Payload:
    """The sample's envelope: nonce ‖ AES-GCM(serialized inner payload) ‖ tag, no associated data."""
    sealed = nonce + AESGCM(KEY).encrypt(nonce, inner.SerializeToString(), None)
    return Payload(
        metadata={"encoding": b"binary/encrypted", "encryption-key-id": KEY_ID.encode()},
        data=sealed,
    )


def compress(inner: Payload) -> Payload:
    """The Go SDK's zlib codec: a zlib stream of the serialized payload, encoding binary/zlib."""
    return Payload(metadata={"encoding": b"binary/zlib"}, data=zlib.compress(inner.SerializeToString()))


def as_json(payload: Payload) -> dict:
    return {
        "metadata": {k: base64.b64encode(v).decode() for k, v in sorted(payload.metadata.items())},
        "data": base64.b64encode(payload.data).decode(),
    }


def main() -> None:
    greeting = Payload(metadata={"encoding": b"json/plain"}, data=b'{"greeting":"hello from Python"}')
    empty = Payload(metadata={"encoding": b"binary/null"}, data=b"")
    repetitive = Payload(metadata={"encoding": b"json/plain"}, data=b'"' + b"abc" * 2000 + b'"')
    vectors = [
        {"name": "json", "plain": as_json(greeting), "encrypted": as_json(encrypt(greeting, bytes(12)))},
        {"name": "null", "plain": as_json(empty), "encrypted": as_json(encrypt(empty, bytes(range(12))))},
        {
            "name": "zlib-then-encrypted",
            "plain": as_json(repetitive),
            "encrypted": as_json(encrypt(compress(repetitive), bytes([0xAB] * 12))),
        },
    ]
    document = {"keyID": KEY_ID, "key": base64.b64encode(KEY).decode(), "vectors": vectors}
    out = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "python-vectors.json"
    out.write_text(json.dumps(document, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
