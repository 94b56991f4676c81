"""sr25519 as the Bittensor SDK does it (bittensor_wallet's Rust-backed Keypair), for interop tests.

A test peer, not part of the product: node-core's Sr25519InteropIT runs it with the interpreter of
.venv-interop/ (made by .ci/setup) and compares its answers with the Java implementation.

A key is given by exactly one of
  --uri URI                       a Substrate secret URI, e.g. //Alice or PHRASE//hotkey///PASSWORD
  --mnemonic PHRASE [--password PW] [--path PATH]
  --seed-hex HEX [--path PATH]    a 32-byte mini secret
(create_from_mnemonic / create_from_seed when there is no path or password, else create_from_uri).

  derive KEY                                    prints {"public_hex": ..., "ss58": ...}
  sign KEY --message-hex HEX                    prints the signature in hex
  verify --public-hex HEX --message-hex HEX --signature-hex HEX   prints true or false
  batch                                         reads a JSON array of requests on stdin, prints a
                                                JSON array of answers, one per request

A batch request is an object with "op" (derive, sign, verify) and the options above as fields
("uri", "mnemonic", "password", "path", "seed_hex", "message_hex", "public_hex",
"signature_hex"); derive answers {"public_hex", "ss58"}, sign {"public_hex", "signature_hex"},
verify {"valid"}. Messages are passed to the Keypair as bytes, never as str (a str starting with
0x would be hex-decoded by it). Bad input, of any request, exits with status 2 and one line on
stderr; nothing is printed on stdout then.
"""

import argparse
import json
import re
import sys

from bittensor_wallet import Keypair

KEY_FIELDS = ("uri", "mnemonic", "password", "path", "seed_hex")
FIELDS = {
    "derive": KEY_FIELDS,
    "sign": KEY_FIELDS + ("message_hex",),
    "verify": ("public_hex", "message_hex", "signature_hex"),
}
PATH = re.compile(r"(//?[^/]+)*")
MNEMONIC = re.compile(r"[a-z]+( [a-z]+)*")


class BadInput(Exception):
    pass


def hex_bytes(value, name, length=None):
    if not isinstance(value, str) or not re.fullmatch(r"([0-9a-fA-F]{2})*", value):
        raise BadInput(f"{name}: not a hex string of whole bytes")
    data = bytes.fromhex(value)
    if length is not None and len(data) != length:
        raise BadInput(f"{name}: {len(data)} bytes (expected {length})")
    return data


def text(request, name):
    value = request.get(name)
    if value is not None and not isinstance(value, str):
        raise BadInput(f"{name}: not a string")
    return value


def keypair(request):
    uri, mnemonic, seed_hex = (text(request, n) for n in ("uri", "mnemonic", "seed_hex"))
    password, path = text(request, "password"), text(request, "path") or ""
    if sum(v is not None for v in (uri, mnemonic, seed_hex)) != 1:
        raise BadInput("key: give exactly one of uri, mnemonic, seed_hex")
    if not PATH.fullmatch(path):
        raise BadInput(f"path {path!r}: expected junctions such as //hard or /soft")
    if uri is not None:
        if password is not None or path:
            raise BadInput("uri: give the path and password inside the URI")
        return Keypair.create_from_uri(uri)
    if mnemonic is not None:
        if not MNEMONIC.fullmatch(mnemonic):
            raise BadInput("mnemonic: expected lowercase words separated by single spaces")
        if password == "":
            raise BadInput("password: empty (leave it out for none)")
        if not path and password is None:
            return Keypair.create_from_mnemonic(mnemonic)
        return Keypair.create_from_uri(mnemonic + path + ("" if password is None else "///" + password))
    seed = hex_bytes(seed_hex, "seed_hex", 32)
    if password is not None:
        raise BadInput("password: only with a mnemonic")
    if not path:
        return Keypair.create_from_seed(seed.hex())
    return Keypair.create_from_uri("0x" + seed.hex() + path)


def answer(request):
    if not isinstance(request, dict):
        raise BadInput("request: not an object")
    op = request.get("op")
    if op not in FIELDS:
        raise BadInput(f"op {op!r}: expected one of {', '.join(FIELDS)}")
    unknown = sorted(set(request) - set(FIELDS[op]) - {"op"})
    if unknown:
        raise BadInput(f"{op}: unknown fields {', '.join(unknown)}")
    if op == "verify":
        public = hex_bytes(request.get("public_hex"), "public_hex", 32)
        message = hex_bytes(request.get("message_hex"), "message_hex")
        signature = hex_bytes(request.get("signature_hex"), "signature_hex", 64)
        return {"valid": Keypair(public_key="0x" + public.hex()).verify(message, signature)}
    try:
        pair = keypair(request)
    except BadInput:
        raise
    except Exception as e:  # bittensor_wallet's own refusal: a bad phrase, seed or URI
        raise BadInput(f"{op}: bittensor_wallet refused the key: {e}") from None
    if op == "derive":
        return {"public_hex": pair.public_key.hex(), "ss58": pair.ss58_address}
    message = hex_bytes(request.get("message_hex"), "message_hex")
    return {"public_hex": pair.public_key.hex(), "signature_hex": pair.sign(message).hex()}


def main(argv):
    parser = argparse.ArgumentParser(prog="sr25519_peer.py", description=__doc__.split("\n")[0])
    ops = parser.add_subparsers(dest="op", required=True)
    for op in ("derive", "sign"):
        sub = ops.add_parser(op)
        for name in KEY_FIELDS:
            sub.add_argument("--" + name.replace("_", "-"), dest=name)
        if op == "sign":
            sub.add_argument("--message-hex", dest="message_hex", required=True)
    verify = ops.add_parser("verify")
    for name in FIELDS["verify"]:
        verify.add_argument("--" + name.replace("_", "-"), dest=name, required=True)
    ops.add_parser("batch")
    args = parser.parse_args(argv)
    try:
        if args.op == "batch":
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
        request = {k: v for k, v in vars(args).items() if v is not None}
        result = answer(request)
    except BadInput as e:
        print(f"sr25519_peer: {e}", file=sys.stderr)
        return 2
    if args.op == "derive":
        print(json.dumps(result))
    elif args.op == "sign":
        print(result["signature_hex"])
    else:
        print("true" if result["valid"] else "false")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
