"""The Sealed contract's Python side (see Tests/InteropTests/Contracts/sealed.temporal.yaml) and the
data converter with the encryption codec that its worker and client share."""

import argparse
import dataclasses

import temporalio.converter
from temporalio import workflow

from encryption_codec import EncryptionCodec, parse_keys


@workflow.defn(name="ReadByPython")
class ReadByPython:
    @workflow.run
    async def run(self, letter: dict) -> str:
        return f"{letter['body']} (read by Python for {letter['recipient']})"


def add_codec_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--keys", required=True, help="id=hex[,id=hex...]: the keys the codec knows")
    parser.add_argument("--current-key", required=True, help="the ID of the key that encrypts")
    parser.add_argument("--compress", action="store_true", help="zlib before encrypting")


def data_converter(args: argparse.Namespace) -> temporalio.converter.DataConverter:
    codec = EncryptionCodec(parse_keys(args.keys), args.current_key, compress=args.compress)
    return dataclasses.replace(temporalio.converter.default(), payload_codec=codec)
