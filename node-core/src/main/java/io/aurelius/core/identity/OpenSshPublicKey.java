package io.aurelius.core.identity;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.hash.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An Ed25519 public key in OpenSSH form (RFC 8709): the wire blob is the RFC 4253 strings {@code
 * "ssh-ed25519"} and the 32 key bytes, each prefixed by its length as a big-endian uint32. Printed
 * as {@code ssh-ed25519 <base64 blob> <comment>} for {@code .pub} and {@code authorized_keys}
 * files, or as {@code <principal> ssh-ed25519 <base64 blob>} for the allowed-signers file git uses
 * to verify SSH-signed commits.
 */
public final class OpenSshPublicKey {
  public static final String KEY_TYPE = "ssh-ed25519";
  private static final int MAX_TEXT = 256;

  /** One literal principal: no whitespace, commas, quotes or wildcard characters. */
  private static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9._@+:=/-]{1,256}");

  private final Ed25519PublicKey key;

  private OpenSshPublicKey(Ed25519PublicKey key) {
    this.key = key;
  }

  public static OpenSshPublicKey of(Ed25519PublicKey key) {
    return new OpenSshPublicKey(requireNonNull(key, "key"));
  }

  public Ed25519PublicKey publicKey() {
    return key;
  }

  /** The RFC 4253 wire encoding: string "ssh-ed25519", string key. */
  public byte[] wireBlob() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(51);
    writeString(out, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
    writeString(out, key.bytes());
    return out.toByteArray();
  }

  /** {@code ssh-ed25519 AAAA...}, without a comment. */
  public String keyText() {
    return KEY_TYPE + " " + Base64.getEncoder().encodeToString(wireBlob());
  }

  /** A public key line, as in a {@code .pub} file. The comment may not contain line breaks. */
  public String line(String comment) {
    requireNonNull(comment, "comment");
    checkComment(comment);
    return comment.isEmpty() ? keyText() : keyText() + " " + comment;
  }

  /** A line of an OpenSSH allowed-signers file: {@code <principal> ssh-ed25519 AAAA...}. */
  public String allowedSignersLine(String principal) {
    requireNonNull(principal, "principal");
    if (!PRINCIPAL.matcher(principal).matches()) {
      String shown = principal.length() > 60 ? principal.substring(0, 60) + "…" : principal;
      throw new IllegalArgumentException(
          "principal '"
              + shown
              + "' (expected: 1..256 characters"
              + " of A-Z a-z 0-9 . _ @ + : = / -, e.g. an e-mail address or a key id)");
    }
    return principal + " " + keyText();
  }

  /** The fingerprint {@code ssh-keygen -l} prints: {@code SHA256:} and unpadded base64. */
  public String fingerprint() {
    return "SHA256:"
        + Base64.getEncoder().withoutPadding().encodeToString(Sha256.digest(wireBlob()));
  }

  private static void checkComment(String comment) {
    if (comment.length() > MAX_TEXT) {
      throw new IllegalArgumentException(
          "ssh key comment: "
              + comment.length()
              + " characters (expected: at most "
              + MAX_TEXT
              + ")");
    }
    for (int i = 0; i < comment.length(); i++) {
      char c = comment.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException(
            "ssh key comment: control character at position "
                + (i + 1)
                + " (expected: printable text on one line)");
      }
    }
  }

  private static void writeString(ByteArrayOutputStream out, byte[] value) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
    out.writeBytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpenSshPublicKey other && key.equals(other.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return keyText();
  }
}
