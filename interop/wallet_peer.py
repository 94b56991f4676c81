"""Bittensor wallets as the SDK keeps them (bittensor_wallet.Wallet), for interop tests.

A test peer, not part of the product: node's WalletInteropIT runs it with the interpreter of
.venv-interop/ (made by .ci/setup). Each command reads one JSON object on stdin and prints one JSON
object on stdout; secrets (passwords) come on stdin only. Bad input exits with status 2.

  create WALLETS   {"password": PW}  makes wallet "py": hotkeys "sr" (sr25519) and "ed" (ed25519),
                   coldkey (sr25519, $NACL under PW); prints {"sr": ss58, "ed": ss58, "coldkey": ss58}
  sign WALLETS NAME HOTKEY  {"message_hex": HEX, "coldkey": bool, "password": PW}
                   loads the hotkey (or the coldkey), signs and checks its own signature; prints
                   {"ss58", "crypto_type", "signature_hex"}
  verify           {"ss58", "crypto_type", "message_hex", "signature_hex"}; prints {"valid": bool}
"""

import json
import os
import sys
from contextlib import contextmanager

from bittensor_wallet import Keypair, Wallet


@contextmanager
def quiet_stdout():
    """The SDK prints progress ("Encrypting...") on fd 1; send it to stderr."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def create(wallets, request):
    password = request["password"]
    with quiet_stdout():
        for hotkey, crypto_type in (("sr", 1), ("ed", 0)):
            Wallet(name="py", hotkey=hotkey, path=wallets).create_new_hotkey(
                n_words=12, use_password=False, overwrite=False, suppress=True,
                crypto_type=crypto_type)
        wallet = Wallet(name="py", hotkey="sr", path=wallets)
        wallet.create_new_coldkey(
            n_words=12, use_password=True, overwrite=False, suppress=True,
            coldkey_password=password)
        answer = {
            "sr": wallet.get_hotkey().ss58_address,
            "ed": Wallet(name="py", hotkey="ed", path=wallets).get_hotkey().ss58_address,
            "coldkey": wallet.get_coldkey(password=password).ss58_address,
        }
    return answer


def sign(wallets, name, hotkey, request):
    message = bytes.fromhex(request["message_hex"])
    with quiet_stdout():
        wallet = Wallet(name=name, hotkey=hotkey, path=wallets)
        if request.get("coldkey"):
            keypair = wallet.get_coldkey(password=request["password"])
        else:
            keypair = wallet.get_hotkey(password=request.get("password"))
        signature = keypair.sign(message)
    if not keypair.verify(message, signature):
        raise SystemExit("own signature does not verify")
    return {
        "ss58": keypair.ss58_address,
        "crypto_type": keypair.crypto_type,
        "signature_hex": bytes(signature).hex(),
    }


def verify(request):
    keypair = Keypair(ss58_address=request["ss58"], crypto_type=request["crypto_type"])
    valid = keypair.verify(
        bytes.fromhex(request["message_hex"]), bytes.fromhex(request["signature_hex"]))
    return {"valid": bool(valid)}


def main(argv):
    try:
        request = json.load(sys.stdin)
        if argv[:1] == ["create"] and len(argv) == 2:
            answer = create(argv[1], request)
        elif argv[:1] == ["sign"] and len(argv) == 4:
            answer = sign(argv[1], argv[2], argv[3], request)
        elif argv == ["verify"]:
            answer = verify(request)
        else:
            raise ValueError("usage: create WALLETS | sign WALLETS NAME HOTKEY | verify")
    except (ValueError, KeyError, TypeError) as e:
        print(f"wallet_peer: {e}", file=sys.stderr)
        return 2
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
