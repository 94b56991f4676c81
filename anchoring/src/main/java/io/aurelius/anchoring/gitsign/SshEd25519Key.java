package io.aurelius.anchoring.gitsign;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519PublicKey;
import java.util.Base64;

/**
 * An Ed25519 public key in OpenSSH form: the wire blob {@code string "ssh-ed25519" ‖ string pk},
 * and the one-line {@code ssh-ed25519 <base64>} used in allowed-signers files.
 */
public final class SshEd25519Key {
  static final String TYPE = "ssh-ed25519";

  private SshEd25519Key() {}

  public static byte[] blob(Ed25519PublicKey key) {
    requireNonNull(key, "key");
    return new SshWire.Writer().string(TYPE).string(key.bytes()).bytes();
  }

  /** {@code ssh-ed25519 AAAA…}, as in authorized_keys and allowed-signers files. */
  public static String line(Ed25519PublicKey key) {
    return TYPE + " " + Base64.getEncoder().encodeToString(blob(key));
  }

  /** One allowed-signers line for git's {@code gpg.ssh.allowedSignersFile}. */
  public static String allowedSignersLine(String principal, Ed25519PublicKey key) {
    requireNonNull(principal, "principal");
    if (principal.isEmpty() || principal.chars().anyMatch(c -> c <= ' ' || c == ',' || c == '"')) {
      throw new IllegalArgumentException(
          "principal '" + principal + "' (expected: no spaces, commas or quotes)");
    }
    return principal + " " + line(key);
  }

  static Ed25519PublicKey parseBlob(byte[] blob) throws SshSignatureException {
    SshWire.Reader in = new SshWire.Reader(blob);
    String type = in.text();
    if (!TYPE.equals(type)) {
      throw new SshSignatureException(
          "SSH signature: key type '" + abbreviate(type) + "' (expected: ssh-ed25519)");
    }
    byte[] pk = in.string();
    in.end();
    if (pk.length != Ed25519PublicKey.LENGTH) {
      throw new SshSignatureException(
          "SSH signature: " + pk.length + "-byte Ed25519 key (expected: 32)");
    }
    return Ed25519PublicKey.fromBytes(pk);
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
