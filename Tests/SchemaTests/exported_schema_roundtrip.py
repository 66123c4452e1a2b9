#!/usr/bin/env python3
"""A Python team's view of an exported contract: generates dataclasses from the JSON Schema that
`temporal-contracts export --format json-schema` wrote for Examples/Contracts/orders.temporal.yaml,
with datamodel-code-generator, and moves an `Order` through the Python SDK's default data converter.

    exported_schema_roundtrip.py SCHEMA encode   builds an Order, prints its payload
    exported_schema_roundtrip.py SCHEMA decode   reads a payload on stdin, prints the Order's values

Payloads travel as one JSON object {"metadata": {key: text}, "data": base64}. Both directions also
validate the payload's JSON against the schema's `$defs/Order`, and check that the dataclass fields
are the wire names (the SDK writes dataclass field names as JSON keys). The GeneratedCodeTests run
it against the Swift-generated `Orders.Order`.

Needs datamodel-code-generator, jsonschema and temporalio (Tests/requirements.txt).
"""

import base64
import dataclasses
import json
import subprocess
import sys
import types
from datetime import datetime, timezone
from pathlib import Path
from uuid import UUID

from jsonschema import Draft202012Validator
from temporalio.api.common.v1 import Payload
from temporalio.converter import DataConverter


def generate_models(schema_path):
    """The dataclasses datamodel-code-generator writes for the schema, imported as a module.

    The options are the ones a Python team would pick for the SDK's default converter: plain
    dataclasses (the converter writes their field names, so no renaming), `StrEnum`/`IntEnum`
    members (JSON-encodable as their values), and `datetime`/`UUID` for the string formats.
    """
    command = [
        sys.executable, "-m", "datamodel_code_generator",
        "--input", str(schema_path),
        "--input-file-type", "jsonschema",
        "--output-model-type", "dataclasses.dataclass",
        "--target-python-version", "3.11",
        "--use-subclass-enum",
        "--output-datetime-class", "datetime",
        "--use-standard-primitive-types",
        "--formatters", "builtin",
        "--disable-timestamp",
    ]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    module = types.ModuleType("orders_contract_models")
    # Registered before running the code: dataclasses and the SDK's type-hint resolution look the
    # module up by name (the generated code uses `from __future__ import annotations`).
    sys.modules[module.__name__] = module
    exec(compile(result.stdout, "orders_contract_models.py", "exec"), module.__dict__)
    return module


def order_validator(schema):
    """Validates instances against `$defs/Order`, through the document so its `$ref`s resolve."""
    document = dict(schema)
    document["$ref"] = "#/$defs/Order"
    return Draft202012Validator(document, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_wire_names(models, schema):
    """The SDK writes dataclass field names; they must be the contract's wire names."""
    for name, model in [("Order", models.Order), ("LineItem", models.LineItem), ("Common_Address", models.CommonAddress)]:
        fields = {field.name for field in dataclasses.fields(model)}
        wire = set(schema["$defs"][name]["properties"])
        if fields != wire:
            raise SystemExit(f"{model.__name__} fields {sorted(fields)} are not the wire names {sorted(wire)}")


def encode(models, validator):
    order = models.Order(
        order_id="o-42",
        customer_name="Zoë Ørsted",
        items=[
            models.LineItem(sku="sku-1", quantity=2, unit_price=9.5),
            models.LineItem(sku="sku-2", quantity=1, unit_price=0.25),
        ],
        placed_at=datetime(2026, 11, 22, 8, 30, 15, 250000, tzinfo=timezone.utc),
        status=models.OrderStatus.paid,
        color=models.Color.green,
        express=True,
        note=None,
        tags={"channel": "web"},
        tracking_id=UUID("0f8fad5b-d9cb-469f-a165-70867728950e"),
        shipping_address=models.CommonAddress(line1="1 Main St", city="Oslo", country="NO"),
    )
    payload = DataConverter.default.payload_converter.to_payloads([order])[0]
    validator.validate(json.loads(payload.data))
    return {
        "metadata": {key: value.decode() for key, value in payload.metadata.items()},
        "data": base64.b64encode(payload.data).decode(),
    }


def decode(models, validator, text):
    message = json.loads(text)
    payload = Payload(
        metadata={key: value.encode() for key, value in message["metadata"].items()},
        data=base64.b64decode(message["data"]),
    )
    validator.validate(json.loads(payload.data))
    order = DataConverter.default.payload_converter.from_payloads([payload], [models.Order])[0]
    return {
        "order_id": order.order_id,
        "customer_name": order.customer_name,
        "items": [{"sku": item.sku, "quantity": item.quantity, "unit_price": item.unit_price} for item in order.items],
        "placed_at": order.placed_at.isoformat(),
        "status": order.status.value,
        "color": int(order.color) if order.color is not None else None,
        "express": order.express,
        "note": order.note,
        "tags": order.tags,
        "tracking_id": str(order.tracking_id) if order.tracking_id is not None else None,
        "shipping_address": dataclasses.asdict(order.shipping_address) if order.shipping_address else None,
        # What the converter made of the JSON, as Python types.
        "python_types": {
            "order": type(order).__name__,
            "items": type(order.items[0]).__name__ if order.items else None,
            "placed_at": type(order.placed_at).__name__,
            "status": type(order.status).__name__,
            "color": type(order.color).__name__,
            "tracking_id": type(order.tracking_id).__name__,
            "shipping_address": type(order.shipping_address).__name__,
        },
    }


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("encode", "decode"):
        print(__doc__, file=sys.stderr)
        return 2
    schema_path = Path(sys.argv[1])
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    models = generate_models(schema_path)
    check_wire_names(models, schema)
    validator = order_validator(schema)
    if sys.argv[2] == "encode":
        result = encode(models, validator)
    else:
        result = decode(models, validator, sys.stdin.read())
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
