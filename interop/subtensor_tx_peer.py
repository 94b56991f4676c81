"""Subtensor extrinsics as the Bittensor SDK reads them, for interop tests.

A test peer, not part of the product: node-core's SubtensorTxInteropIT runs it with the
interpreter of .venv-interop/ (made by .ci/setup) and compares its answers with the Java
transaction builder. The SDK's own codec (bittensor._transport.codec.RuntimeCodec, Rust-backed)
is built from the recorded runtime metadata given with --metadata (the hex of state_getMetadata,
or of Metadata_metadata_at_version's Option<OpaqueMetadata>), spec --spec-version and
transaction version --tx-version.

  batch --metadata FILE --spec-version N --tx-version N
      reads a JSON array of requests on stdin, prints a JSON array of answers, one per request

Requests (objects with "op"):
  decode   {"extrinsic_hex", "genesis_hex", "era_block_hex"}: decodes the extrinsic with the SDK's
           codec, rebuilds the payload the signer must have signed from what it decoded (call,
           era, nonce, tip) and the given hashes with the SDK's signature_payload, and verifies the
           signature over it with bittensor_wallet's Keypair. Answers {"decoded": ..., "payload_hex",
           "signature_valid"}.
  compose  {"pallet", "call", "params"}: the SDK's encoding of the call, {"call_hex"}.
  commit_hash {"account_hex", "netuid", "uids", "values", "salt", "version_key"}: blake2b-256 of
           the SDK codec's encoding of (AccountId32, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64),
           {"hash_hex"}.

Bad input, of any request, exits with status 2 and one line on stderr; nothing is printed on
stdout then.
"""

import argparse
import hashlib
import json
import re
import sys

from bittensor._transport.codec import RuntimeCodec, ss58_encode, strip_option_opaque_metadata
from bittensor_wallet import Keypair

SCHEMES = {"Ed25519": 0, "Sr25519": 1}


class BadInput(Exception):
    pass


def hex_bytes(value, name, length=None):
    if not isinstance(value, str) or not re.fullmatch(r"(0x)?([0-9a-fA-F]{2})*", value):
        raise BadInput(f"{name}: not a hex string of whole bytes")
    data = bytes.fromhex(value[2:] if value.startswith("0x") else value)
    if length is not None and len(data) != length:
        raise BadInput(f"{name}: {len(data)} bytes (expected {length})")
    return data


def plain(value):
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def codec(path, spec_version, tx_version):
    with open(path, encoding="ascii") as f:
        raw = hex_bytes(f.read().strip(), "metadata")
    if raw[:4] != b"meta":
        raw = strip_option_opaque_metadata(raw)
        if raw is None:
            raise BadInput("metadata: neither metadata nor Some(opaque metadata)")
    return RuntimeCodec(raw, spec_version=spec_version, transaction_version=tx_version)


def decode(c, request):
    data = hex_bytes(request.get("extrinsic_hex"), "extrinsic_hex")
    genesis = hex_bytes(request.get("genesis_hex"), "genesis_hex", 32)
    era_block = hex_bytes(request.get("era_block_hex"), "era_block_hex", 32)
    decoded = c.decode_extrinsic(data)
    [(scheme, signature_hex)] = decoded["signature"].items()
    signature = hex_bytes(signature_hex, "signature")
    # The call's bytes are what the extrinsic ends with; the SDK re-encodes its decoded call to
    # find them, so a call it decoded differently would not match.
    call = c.compose_call(
        decoded["call"]["call_module"],
        decoded["call"]["call_function"],
        {a["name"]: a["value"] for a in decoded["call"]["call_args"]},
    )
    era = decoded["era"]
    if era != "00":
        period, phase = era
        era = {"period": period, "current": phase}
    payload = c.signature_payload(
        call,
        era=era,
        nonce=decoded["nonce"],
        tip=decoded["tip"],
        tip_asset_id=None,
        genesis_hash=genesis,
        era_block_hash=era_block,
    )
    public = Keypair(ss58_address=decoded["address"], crypto_type=SCHEMES[scheme])
    return {
        "decoded": plain(decoded),
        "call_hex": "0x" + c.call_data(call).hex(),
        "payload_hex": "0x" + payload.hex(),
        "signature_valid": bool(public.verify(payload, signature)),
    }


def compose(c, request):
    call = c.compose_call(request["pallet"], request["call"], request["params"])
    return {"call_hex": "0x" + c.call_data(call).hex()}


def commit_hash(c, request):
    account = ss58_encode(hex_bytes(request.get("account_hex"), "account_hex", 32))
    encoded = c.encode(
        "(AccountId32, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)",
        (
            account,
            request["netuid"],
            request["uids"],
            request["values"],
            request["salt"],
            request["version_key"],
        ),
    )
    return {"hash_hex": "0x" + hashlib.blake2b(encoded, digest_size=32).hexdigest()}


OPS = {"decode": decode, "compose": compose, "commit_hash": commit_hash}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["batch"])
    parser.add_argument("--metadata", required=True)
    parser.add_argument("--spec-version", type=int, required=True)
    parser.add_argument("--tx-version", type=int, required=True)
    args = parser.parse_args()
    try:
        c = codec(args.metadata, args.spec_version, args.tx_version)
        requests = json.load(sys.stdin)
        if not isinstance(requests, list):
            raise BadInput("batch: not a JSON array")
        answers = []
        for i, request in enumerate(requests):
            op = request.get("op") if isinstance(request, dict) else None
            if op not in OPS:
                raise BadInput(f"request {i}: op {op!r} (expected one of {sorted(OPS)})")
            answers.append(OPS[op](c, request))
    except (BadInput, ValueError, KeyError, TypeError) as e:
        print(f"subtensor_tx_peer: {e}".replace("\n", " "), file=sys.stderr)
        sys.exit(2)
    json.dump(answers, sys.stdout)


if __name__ == "__main__":
    main()
