package io.aurelius.core.identity;

import static io.aurelius.core.identity.KeyFileFields.corrupted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Ed25519PrivateKey;
import java.util.Arrays;
import java.util.Set;

/** A hotkey file: the common header plus {@code seed}, the private key in hex. */
final class HotkeyFile {
  static final Set<String> FIELDS =
      Set.of("format", "kind", "name", "key_id", "public_key", "seed");

  private HotkeyFile() {}

  static byte[] encode(KeyName name, Ed25519KeyPair pair) {
    ObjectNode root = KeyFileFormat.header(name, KeyKind.HOTKEY, pair.publicKey());
    byte[] seed = pair.privateKey().seed();
    root.put("seed", KeyFileFormat.hex(seed));
    Arrays.fill(seed, (byte) 0);
    return KeyFileFormat.toBytes(root);
  }

  /** Reads the key pair; the seed must give the recorded public key. */
  static Ed25519KeyPair decode(KeyFileFields fields, KeyFileFormat.Header header) {
    fields.onlyFields(FIELDS);
    byte[] seed = fields.hex("seed", Ed25519PrivateKey.LENGTH);
    Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(seed);
    Arrays.fill(seed, (byte) 0);
    if (!pair.publicKey().equals(header.keyId().ed25519())) {
      pair.privateKey().destroy();
      throw corrupted(
          fields.where()
              + ": seed does not give public_key "
              + header.keyId().ed25519().hex()
              + " (expected: the seed of that key)");
    }
    return pair;
  }
}
