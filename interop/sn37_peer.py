"""SN37's work_id as Python computes it, for interop tests.

A test peer, not part of the product: config's Sn37WorkIdInteropIT runs it with the interpreter of
.venv-interop/ (made by .ci/setup) and compares its answers with the Java implementation
(io.aurelius.config.sn37.PyJson and WorkToken). It restates the rule SN37 documents
(REFERENCE.md section 3) with the standard library; it does not import SN37's code.

  batch     reads a JSON array of requests on stdin, prints a JSON array of answers, one per request

Requests are objects with "op":
  dumps     {"json": TEXT}   -> {"sha256": hex SHA-256 of the UTF-8 of json.dumps(json.loads(TEXT),
                                 sort_keys=True), "length": its length, "text": it when at most 2000
                                 characters, else null}
  work_id   {"json": TEXT, "hotkey": SS58, "time_ns": DECIMAL, "nonce": HEX}
                             -> {"work_id": hex SHA-256 of UTF-8(dumps + hotkey + time_ns + nonce)}
  sign      {"seed_hex": HEX, "work_id": HEX}
                             -> {"ss58": ..., "signature_hex": bittensor_wallet Keypair's signature
                                 of UTF-8("aurelius-worktoken-v1:" + work_id), hex without 0x}
  verify    {"ss58": SS58, "work_id": HEX, "signature_hex": HEX} -> {"valid": true|false}
  response  {"body": TEXT, "hotkey": SS58}
                             -> a miner's response body read as SN37's validator reads it
                                (json.loads, then the work id recomputed from its scenario_config,
                                time and nonce with the hotkey it queried): {"work_id_matches",
                                "signature_valid", "name"}

The configuration travels as text so that json.loads sees exactly the bytes the test chose
(numbers keep their spelling). Bad input exits with status 2 and one line on stderr.
"""

import hashlib
import json
import sys

from bittensor_wallet import Keypair

FIELDS = {
    "dumps": ("json",),
    "work_id": ("json", "hotkey", "time_ns", "nonce"),
    "sign": ("seed_hex", "work_id"),
    "verify": ("ss58", "work_id", "signature_hex"),
    "response": ("body", "hotkey"),
}
PREFIX = "aurelius-worktoken-v1:"


class BadInput(Exception):
    pass


def text(request, name):
    value = request.get(name)
    if not isinstance(value, str):
        raise BadInput(f"{name}: not a string")
    return value


def dumps(request):
    try:
        value = json.loads(text(request, "json"))
    except ValueError as e:
        raise BadInput(f"json: not JSON: {e}") from None
    return json.dumps(value, sort_keys=True)


def answer(request):
    if not isinstance(request, dict):
        raise BadInput("request: not an object")
    op = request.get("op")
    if op not in FIELDS:
        raise BadInput(f"op {op!r}: expected one of {', '.join(FIELDS)}")
    unknown = sorted(set(request) - set(FIELDS[op]) - {"op"})
    if unknown:
        raise BadInput(f"{op}: unknown fields {', '.join(unknown)}")
    if op == "dumps":
        out = dumps(request)
        return {
            "sha256": hashlib.sha256(out.encode()).hexdigest(),
            "length": len(out),
            "text": out if len(out) <= 2000 else None,
        }
    if op == "work_id":
        payload = dumps(request) + text(request, "hotkey") + text(request, "time_ns") + text(request, "nonce")
        return {"work_id": hashlib.sha256(payload.encode()).hexdigest()}
    if op == "response":
        try:
            body = json.loads(text(request, "body"))
        except ValueError as e:
            raise BadInput(f"body: not JSON: {e}") from None
        hotkey = text(request, "hotkey")
        config = body.get("scenario_config")
        payload = json.dumps(config, sort_keys=True) + hotkey + body["work_id_time_ns"] + body["work_id_nonce"]
        message = (PREFIX + body["work_id"]).encode()
        return {
            "work_id_matches": hashlib.sha256(payload.encode()).hexdigest() == body["work_id"],
            "signature_valid": Keypair(ss58_address=hotkey).verify(message, bytes.fromhex(body["work_id_signature"])),
            "name": config.get("name"),
        }
    message = (PREFIX + text(request, "work_id")).encode()
    if op == "sign":
        pair = Keypair.create_from_seed(text(request, "seed_hex"))
        return {"ss58": pair.ss58_address, "signature_hex": pair.sign(message).hex()}
    signature = bytes.fromhex(text(request, "signature_hex"))
    return {"valid": Keypair(ss58_address=text(request, "ss58")).verify(message, signature)}


def main(argv):
    if argv != ["batch"]:
        print("usage: sn37_peer.py batch", file=sys.stderr)
        return 2
    try:
        try:
            requests = json.loads(sys.stdin.buffer.read())  # UTF-8 whatever the locale
        except ValueError as e:
            raise BadInput(f"stdin: not JSON: {e}") from None
        if not isinstance(requests, list):
            raise BadInput("stdin: expected a JSON array of requests")
        answers = []
        for i, request in enumerate(requests):
            try:
                answers.append(answer(request))
            except BadInput as e:
                raise BadInput(f"request {i}: {e}") from None
        print(json.dumps(answers))
        return 0
    except BadInput as e:
        print(f"sn37_peer: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
