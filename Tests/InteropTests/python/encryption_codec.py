"""The Python side of the encryption interop tests: a payload codec in the format of the Python
SDK's encryption sample (samples-python `encryption/codec.py`), with several keys so that rotation
can be tested, and the Go SDK's `binary/zlib` compression.

Encrypted payload: metadata `encoding: binary/encrypted`, `encryption-key-id: <id>`; data
nonce (12 random bytes) ‖ AES-GCM ciphertext of the serialized inner Payload ‖ tag (16 bytes), no
associated data. Payloads of other encodings pass through decoding unchanged.
"""

import os
import zlib
from typing import Iterable, List

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from temporalio.api.common.v1 import Payload
from temporalio.converter import PayloadCodec

ENCRYPTED = b"binary/encrypted"
KEY_ID = "encryption-key-id"
ZLIB = b"binary/zlib"


def parse_keys(spec: str) -> dict:
    """`id=hex,id=hex` to {id: key bytes}."""
    keys = {}
    for item in spec.split(","):
        key_id, _, hex_key = item.partition("=")
        keys[key_id] = bytes.fromhex(hex_key)
    return keys


class EncryptionCodec(PayloadCodec):
    def __init__(self, keys: dict, current: str, compress: bool = False) -> None:
        super().__init__()
        self.ciphers = {key_id: AESGCM(key) for key_id, key in keys.items()}
        self.current = current
        self.compress = compress

    async def encode(self, payloads: Iterable[Payload]) -> List[Payload]:
        cipher = self.ciphers[self.current]
        encoded = []
        for payload in payloads:
            inner = compress(payload) if self.compress else payload
            nonce = os.urandom(12)
            encoded.append(
                Payload(
                    metadata={"encoding": ENCRYPTED, KEY_ID: self.current.encode()},
                    data=nonce + cipher.encrypt(nonce, inner.SerializeToString(), None),
                )
            )
        return encoded

    async def decode(self, payloads: Iterable[Payload]) -> List[Payload]:
        decoded = []
        for payload in payloads:
            if payload.metadata.get("encoding") != ENCRYPTED:
                decoded.append(payload)
                continue
            key_id = payload.metadata.get(KEY_ID, b"").decode()
            cipher = self.ciphers.get(key_id)
            if cipher is None:
                raise ValueError(f"unknown key ID {key_id!r}; known: {sorted(self.ciphers)}")
            inner = Payload.FromString(cipher.decrypt(payload.data[:12], payload.data[12:], None))
            decoded.append(decompress(inner))
        return decoded


def compress(payload: Payload) -> Payload:
    """The Go SDK's zlib codec: kept as is unless compressing makes it smaller."""
    serialized = payload.SerializeToString()
    compressed = zlib.compress(serialized)
    if len(compressed) >= len(serialized):
        return payload
    return Payload(metadata={"encoding": ZLIB}, data=compressed)


def decompress(payload: Payload) -> Payload:
    if payload.metadata.get("encoding") != ZLIB:
        return payload
    return Payload.FromString(zlib.decompress(payload.data))
