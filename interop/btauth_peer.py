"""btauth/1 as the Bittensor SDK does it (bittensor.http_auth), for interop tests.

A test peer, not part of the product: node-core's BtAuthInteropIT runs it with the interpreter of
.venv-interop/ (made by .ci/setup) and checks that requests signed by either side verify on the
other, and that tampered ones are refused by both. btauth_http.py does the same over real HTTP
(BtAuthWireInteropIT).

  batch    reads a JSON array of requests on stdin, prints a JSON array of answers, one per request

Requests (an object with "op"):
  {"op": "address", "uri": URI, "crypto": "sr25519"|"ed25519"}
      -> {"ss58": ...}
  {"op": "sign", "uri": URI, "crypto": ..., "method": M, "path": TARGET, "body_hex": HEX,
   "receiver": SS58 or null, "nonce_ns": DECIMAL or null}
      -> {"headers": {name: value}}          (http_auth.sign; no nonce_ns means time.time_ns())
  {"op": "verify", "headers": {...}, "method": M, "path": TARGET, "body_hex": HEX,
   "self": SS58, "now_ns": DECIMAL or null, "store": NAME or null}
      -> {"ok": true, "hotkey": ..., "nonce_ns": "...", "crypto": "sr25519"|"ed25519"}
       | {"ok": false, "error": "BadSignature", "message": ...}
      (http_auth.verify; requests naming the same store share one InMemoryNonceStore, else each
      gets its own)

Keys are Substrate secret URIs of the development phrase (//Alice, //Bob, //anything), in the given
scheme. Bodies are passed as bytes. Bad input exits with status 2 and one line on stderr.
"""

import json
import sys

from bittensor import http_auth
from bittensor.sp_core import CRYPTO_ED25519, CRYPTO_SR25519, Keypair

CRYPTO = {"sr25519": CRYPTO_SR25519, "ed25519": CRYPTO_ED25519}
NAMES = {v: k for k, v in CRYPTO.items()}


class BadInput(Exception):
    pass


def field(request, name, kind=str, optional=False):
    value = request.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, kind):
        raise BadInput(f"{name}: expected {kind.__name__}")
    return value


def keypair(request):
    crypto = field(request, "crypto")
    if crypto not in CRYPTO:
        raise BadInput(f"crypto {crypto!r}: expected sr25519 or ed25519")
    uri = field(request, "uri")
    if not uri.startswith("//"):
        raise BadInput(f"uri {uri!r}: expected //junction")
    return Keypair.create_from_uri(uri, CRYPTO[crypto])


def body(request):
    try:
        return bytes.fromhex(field(request, "body_hex"))
    except ValueError:
        raise BadInput("body_hex: not hex") from None


def decimal(request, name):
    value = field(request, name, optional=True)
    if value is None:
        return None
    if not value.isdigit():
        raise BadInput(f"{name}: expected a decimal string")
    return int(value)


def answer(request, stores):
    op = request.get("op")
    if op == "address":
        return {"ss58": keypair(request).ss58_address}
    if op == "sign":
        headers = http_auth.sign(
            keypair(request),
            method=field(request, "method"),
            path=field(request, "path"),
            body=body(request),
            receiver_ss58=field(request, "receiver", optional=True),
            nonce_ns=decimal(request, "nonce_ns"),
        )
        return {"headers": headers}
    if op == "verify":
        headers = field(request, "headers", dict)
        store_name = field(request, "store", optional=True)
        store = (
            stores.setdefault(store_name, http_auth.InMemoryNonceStore())
            if store_name is not None
            else http_auth.InMemoryNonceStore()
        )
        try:
            caller = http_auth.verify(
                headers,
                body(request),
                method=field(request, "method"),
                path=field(request, "path"),
                self_hotkey_ss58=field(request, "self"),
                nonce_store=store,
                now_ns=decimal(request, "now_ns"),
            )
        except http_auth.AuthError as e:
            return {"ok": False, "error": type(e).__name__, "message": str(e)}
        return {
            "ok": True,
            "hotkey": caller.hotkey_ss58,
            "nonce_ns": str(caller.nonce_ns),
            "crypto": NAMES[caller.crypto_type],
        }
    raise BadInput(f"op {op!r}: expected address, sign or verify")


def main():
    if sys.argv[1:] != ["batch"]:
        print("usage: btauth_peer.py batch < requests.json", file=sys.stderr)
        sys.exit(2)
    try:
        requests = json.load(sys.stdin)
        if not isinstance(requests, list) or not all(isinstance(r, dict) for r in requests):
            raise BadInput("input: expected a JSON array of objects")
        stores = {}
        answers = [answer(r, stores) for r in requests]
    except (BadInput, json.JSONDecodeError) as e:
        print(f"btauth_peer.py: {e}", file=sys.stderr)
        sys.exit(2)
    json.dump(answers, sys.stdout)
    print()


if __name__ == "__main__":
    main()
