"""Makes the wallet fixtures of node-core's wallet tests with independent implementations:
bittensor-wallet (the Bittensor SDK's wallet, Rust), PyNaCl (libsodium) and cryptography.
Run in a throwaway virtualenv: pip install bittensor-wallet pynacl cryptography ansible-vault."""
import base64, json, os, shutil, sys
from importlib.metadata import version
import nacl.pwhash, nacl.secret, nacl.bindings
from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from bittensor_wallet import Wallet, Keypair

out = sys.argv[1]
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)

# Substrate's public development phrase (the root of //Alice); never a real key.
PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk"
PASSWORD = "correct horse battery staple ünïcode"
NACL_SALT = b"\x13q\x83\xdf\xf1Z\t\xbc\x9c\x90\xb5Q\x879\xe9\xb1"
LEGACY_SALT = b"Iguesscyborgslikemyselfhaveatendencytobeparanoidaboutourorigins"
# Seeds that are not valid UTF-8: bittensor-wallet writes a seed whose bytes happen to be valid
# UTF-8 as those characters after "0x" instead of hex (see docs/wallets.md).
HOT_SEED = bytes.fromhex("ff") + bytes(range(1, 32))
ED_SEED = bytes.fromhex("fe") + bytes(range(33, 64))

# 1. A wallet written by bittensor-wallet: coldkey ($NACL), coldkeypub.txt, hotkeys/miner (plain).
wallets = os.path.join(out, "wallets")
w = Wallet(name="fixture", hotkey="miner", path=wallets)
cold = Keypair.create_from_mnemonic(PHRASE)
w.set_coldkey(cold, encrypt=True, overwrite=True, coldkey_password=PASSWORD)
w.set_coldkeypub(cold, overwrite=True)
hot = Keypair.create_from_seed(HOT_SEED.hex())
w.set_hotkey(hot, encrypt=False, overwrite=True)
w.set_hotkeypub(hot, overwrite=True)
# An ed25519 hotkey (SDK 11 wallets may hold ed25519 keys: "cryptoType": 0).
w_ed = Wallet(name="fixture", hotkey="edminer", path=wallets)
hot_ed = Keypair.create_from_seed(ED_SEED.hex(), crypto_type=0)
w_ed.set_hotkey(hot_ed, encrypt=False, overwrite=True)

expected = {
    "generator": "bittensor-wallet " + version("bittensor-wallet") + ", PyNaCl " + version("pynacl")
        + ", cryptography " + version("cryptography"),
    "password": PASSWORD,
    "coldkey": {"secretPhrase": PHRASE, "publicKey": "0x" + cold.public_key.hex(),
                "ss58Address": cold.ss58_address},
    "hotkey": {"publicKey": "0x" + hot.public_key.hex(), "ss58Address": hot.ss58_address,
               "secretSeed": "0x" + HOT_SEED.hex()},
    "edhotkey": {"publicKey": "0x" + hot_ed.public_key.hex(), "ss58Address": hot_ed.ss58_address,
                 "secretSeed": "0x" + ED_SEED.hex()},
}

# 2. The same coldkey JSON sealed as old bittensor's Python encrypt_keyfile_data did, with PyNaCl.
from bittensor_wallet.keyfile import decrypt_keyfile_data
plain = decrypt_keyfile_data(open(os.path.join(wallets, "fixture", "coldkey"), "rb").read(), PASSWORD)
open(os.path.join(out, "coldkey.plain.json"), "wb").write(plain)
key = nacl.pwhash.argon2i.kdf(nacl.secret.SecretBox.KEY_SIZE, PASSWORD.encode(), NACL_SALT,
                              opslimit=nacl.pwhash.argon2i.OPSLIMIT_SENSITIVE,
                              memlimit=nacl.pwhash.argon2i.MEMLIMIT_SENSITIVE)
open(os.path.join(out, "coldkey.pynacl.nacl"), "wb").write(b"$NACL" + nacl.secret.SecretBox(key).encrypt(plain))

# 3. Legacy Fernet keyfiles: the real 10,000,000 PBKDF2 rounds, and 1,000 rounds for a fast test.
for rounds, name in ((10_000_000, "coldkey.fernet"), (1_000, "coldkey.fernet-1000-rounds")):
    k = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=LEGACY_SALT, iterations=rounds).derive(PASSWORD.encode())
    open(os.path.join(out, name), "wb").write(Fernet(base64.urlsafe_b64encode(k)).encrypt(plain))

# 3b. A legacy Ansible Vault keyfile, as old bittensor's legacy_encrypt_keyfile_data wrote it.
from ansible_vault import Vault
open(os.path.join(out, "coldkey.ansible"), "wb").write(Vault(PASSWORD).vault.encrypt(plain))

# 4. Primitive vectors.
vectors = {}
sk, nonce, msg = bytes(range(32)), bytes(range(100, 124)), b"XSalsa20-Poly1305 secretbox vector: " + bytes(range(200))
vectors["secretbox"] = {"key": sk.hex(), "nonce": nonce.hex(), "message": msg.hex(),
                        "box": nacl.bindings.crypto_secretbox(msg, nonce, sk).hex()}
vectors["secretbox_empty"] = {"key": sk.hex(), "nonce": nonce.hex(), "message": "",
                              "box": nacl.bindings.crypto_secretbox(b"", nonce, sk).hex()}
vectors["argon2i_small"] = {"password": b"password".hex(), "salt": NACL_SALT.hex(), "opslimit": 3,
                            "memlimit": 65536,
                            "out32": nacl.pwhash.argon2i.kdf(32, b"password", NACL_SALT, opslimit=3, memlimit=65536).hex()}
vectors["argon2i_sensitive"] = {"password": PASSWORD.encode().hex(), "salt": NACL_SALT.hex(),
                                "opslimit": nacl.pwhash.argon2i.OPSLIMIT_SENSITIVE,
                                "memlimit": nacl.pwhash.argon2i.MEMLIMIT_SENSITIVE, "out32": key.hex()}
expected["vectors"] = vectors
json.dump(expected, open(os.path.join(out, "expected.json"), "w"), indent=2, ensure_ascii=False)
