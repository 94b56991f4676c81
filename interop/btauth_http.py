"""btauth/1 over real HTTP as a stock Bittensor SDK peer does it, for interop tests.

A test peer, not part of the product: node-core's BtAuthWireInteropIT runs it with the interpreter
of .venv-interop/ (made by .ci/setup) against a real NettyProtocolServer and NettyProtocolClient on
loopback. Signing and verifying are bittensor.http_auth's; the HTTP is the standard library's.

  call     reads a JSON array of calls on stdin, sends each with urllib, prints a JSON array of
           answers, one per call
  serve URI CRYPTO [HOTKEY=SCHEME ...]
           an HTTP server on 127.0.0.1:0 answering as the key URI/CRYPTO; prints {"port", "ss58"}
           as its first line, then serves until killed

Calls (an object):
  {"uri": URI, "crypto": "sr25519"|"ed25519", "port": N, "path": TARGET, "body_hex": HEX,
   "receiver": SS58, "nonce_ns": DECIMAL or null, "send_body_hex": HEX or null,
   "set_headers": {name: value} or null, "drop_headers": [name] or null, "times": N or null}
      -> [{"status": S, "body": TEXT, "response": VERIFIED}, ...]   (one per send, "times" sends)
  The request is signed once (http_auth.sign over body_hex, receiver, nonce_ns or time.time_ns())
  and sent as POST with send_body_hex (default body_hex) and the headers changed as asked.
  VERIFIED is http_auth.verify of a signed response as the SDK's client would check it (the
  request's target, the response body, receiver = the caller's own address):
  {"ok": true, "hotkey": ..., "crypto": ...} | {"ok": false, "error": NAME} | null (unsigned).

serve pins each HOTKEY to SCHEME (a sender not pinned gets 403; a verified request under another
scheme gets 401 BadSignature), verifies every POST with http_auth.verify and answers 401 or 403 with
{"error": "Name: message"}, or 200 with {"caller", "crypto", "body_hex"} signed as SN37 signs
responses: http_auth.sign(POST, the request's target, the response body, receiver = the caller).
Two targets answer wrongly on purpose: /v1/wrong-key signs with //Mallory (sr25519), and
/v1/wrong-receiver signs for the server's own address instead of the caller's.

Keys are Substrate secret URIs of the development phrase (//Alice, //anything). Bad input exits
with status 2 and one line on stderr.
"""

import json
import sys
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bittensor import http_auth
from bittensor.sp_core import CRYPTO_ED25519, CRYPTO_SR25519, Keypair

CRYPTO = {"sr25519": CRYPTO_SR25519, "ed25519": CRYPTO_ED25519}
NAMES = {v: k for k, v in CRYPTO.items()}


def keypair(uri, crypto):
    if crypto not in CRYPTO or not uri.startswith("//"):
        raise ValueError(f"key {uri!r} {crypto!r}: expected //junction and sr25519 or ed25519")
    return Keypair.create_from_uri(uri, CRYPTO[crypto])


def check_response(headers, body, path, self_ss58):
    if http_auth.HEADER_SIGNATURE not in headers:
        return None
    try:
        caller = http_auth.verify(
            dict(headers.items()),
            body,
            method="POST",
            path=path,
            self_hotkey_ss58=self_ss58,
            nonce_store=http_auth.InMemoryNonceStore(),
        )
    except http_auth.AuthError as e:
        return {"ok": False, "error": type(e).__name__}
    return {"ok": True, "hotkey": caller.hotkey_ss58, "crypto": NAMES[caller.crypto_type]}


def call(c):
    key = keypair(c["uri"], c["crypto"])
    body = bytes.fromhex(c["body_hex"])
    nonce = c.get("nonce_ns")
    headers = http_auth.sign(
        key,
        method="POST",
        path=c["path"],
        body=body,
        receiver_ss58=c["receiver"],
        nonce_ns=None if nonce is None else int(nonce),
    )
    headers.update(c.get("set_headers") or {})
    for name in c.get("drop_headers") or []:
        headers.pop(name)
    sent = bytes.fromhex(c.get("send_body_hex") or c["body_hex"])
    headers["Content-Type"] = "application/json"
    answers = []
    for _ in range(c.get("times") or 1):
        url = f"http://127.0.0.1:{c['port']}{c['path']}"
        request = urllib.request.Request(url, data=sent, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=20) as r:
                status, got, answer = r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            status, got, answer = e.code, e.headers, e.read()
        answers.append(
            {
                "status": status,
                "body": answer.decode("utf-8", "replace"),
                "response": check_response(got, answer, c["path"], key.ss58_address),
            }
        )
    return answers


def serve(uri, crypto, pins):
    key = keypair(uri, crypto)
    mallory = keypair("//Mallory", "sr25519")
    nonces = http_auth.InMemoryNonceStore()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                caller = http_auth.verify(
                    dict(self.headers.items()),
                    body,
                    method="POST",
                    path=self.path,
                    self_hotkey_ss58=key.ss58_address,
                    nonce_store=nonces,
                )
            except http_auth.AuthError as e:
                return self.answer(401, {"error": f"{type(e).__name__}: {e}"}, None)
            pinned = pins.get(caller.hotkey_ss58)
            if pinned is None:
                return self.answer(403, {"error": "sender is not registered"}, None)
            if pinned != NAMES[caller.crypto_type]:
                refusal = {"error": "BadSignature: scheme is not the pinned one"}
                return self.answer(401, refusal, None)
            result = {
                "caller": caller.hotkey_ss58,
                "crypto": NAMES[caller.crypto_type],
                "body_hex": body.hex(),
            }
            signer, receiver = key, caller.hotkey_ss58
            if self.path == "/v1/wrong-key":
                signer = mallory
            elif self.path == "/v1/wrong-receiver":
                receiver = key.ss58_address
            self.answer(200, result, (signer, receiver))

        def answer(self, status, result, signing):
            out = json.dumps(result).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            if signing is not None:
                signer, receiver = signing
                signed = http_auth.sign(
                    signer, method="POST", path=self.path, body=out, receiver_ss58=receiver
                )
                for name, value in signed.items():
                    self.send_header(name, value)
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(json.dumps({"port": server.server_address[1], "ss58": key.ss58_address}), flush=True)
    server.serve_forever()


def main():
    args = sys.argv[1:]
    try:
        if args == ["call"]:
            calls = json.load(sys.stdin)
            json.dump([call(c) for c in calls], sys.stdout)
            print()
        elif len(args) >= 3 and args[0] == "serve":
            pins = dict(p.split("=", 1) for p in args[3:])
            serve(args[1], args[2], pins)
        else:
            raise ValueError("usage: btauth_http.py call < calls.json | serve URI CRYPTO [PIN ...]")
    except (ValueError, KeyError, TypeError, json.JSONDecodeError) as e:
        print(f"btauth_http.py: {e!r}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
