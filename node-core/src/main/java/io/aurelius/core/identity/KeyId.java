package io.aurelius.core.identity;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Blake2b;
import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.VerifyingKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The printable name of a public key: an SS58 address (network prefix 42, the generic Substrate
 * prefix Bittensor uses), e.g. {@code 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY}. It carries
 * a two-byte BLAKE2b checksum, so a mistyped id is an error, not another key.
 */
public final class KeyId implements Comparable<KeyId> {
  public static final int NETWORK_PREFIX = 42;
  private static final byte[] SS58_PREFIX = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

  private final String address;
  private final Ed25519PublicKey publicKey;

  private KeyId(String address, Ed25519PublicKey publicKey) {
    this.address = address;
    this.publicKey = publicKey;
  }

  public static KeyId of(Ed25519PublicKey key) {
    requireNonNull(key, "key");
    byte[] payload = concat(new byte[] {(byte) NETWORK_PREFIX}, key.bytes());
    byte[] checksum = Arrays.copyOf(Blake2b.digest(64, SS58_PREFIX, payload), 2);
    return new KeyId(Base58.encode(concat(payload, checksum)), key);
  }

  /**
   * The key id of a key of any scheme. An SS58 address does not name its scheme, and a key id holds
   * an Ed25519 key today, so a key of another scheme is an {@link IllegalArgumentException}.
   */
  public static KeyId of(VerifyingKey key) {
    requireNonNull(key, "key");
    if (key instanceof Ed25519PublicKey ed25519) {
      return of(ed25519);
    }
    if (key.scheme() == KeyScheme.ED25519) {
      return of(Ed25519PublicKey.fromBytes(key.bytes()));
    }
    throw new IllegalArgumentException(
        "key id of a " + key.scheme() + " key: unsupported" + " (expected: an ed25519 key)");
  }

  /**
   * Parses an address; a wrong character, length, prefix or checksum is an {@link
   * IllegalArgumentException} with a one-line reason.
   */
  public static KeyId parse(String address) {
    requireNonNull(address, "address");
    String shown = address.length() > 60 ? address.substring(0, 60) + "…" : address;
    byte[] raw;
    try {
      raw = Base58.decode(address);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("key id '" + shown + "': " + e.getMessage());
    }
    if (raw.length != 35) {
      throw new IllegalArgumentException(
          "key id '"
              + shown
              + "': decodes to "
              + raw.length
              + " bytes (expected: 35, an SS58 address of a 32-byte key)");
    }
    if ((raw[0] & 0xff) != NETWORK_PREFIX) {
      throw new IllegalArgumentException(
          "key id '"
              + shown
              + "': network prefix "
              + (raw[0] & 0xff)
              + " (expected: "
              + NETWORK_PREFIX
              + ")");
    }
    byte[] payload = Arrays.copyOf(raw, 33);
    byte[] checksum = Arrays.copyOf(Blake2b.digest(64, SS58_PREFIX, payload), 2);
    if (checksum[0] != raw[33] || checksum[1] != raw[34]) {
      throw new IllegalArgumentException(
          "key id '" + shown + "': checksum mismatch (expected: a correctly typed address)");
    }
    Ed25519PublicKey key = Ed25519PublicKey.fromBytes(Arrays.copyOfRange(raw, 1, 33));
    return new KeyId(address, key);
  }

  public Ed25519PublicKey publicKey() {
    return publicKey;
  }

  public String address() {
    return address;
  }

  /** The first 8 characters after the leading 5, for tables. */
  public String shortForm() {
    return address.substring(0, Math.min(10, address.length())) + "…";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyId other && address.equals(other.address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  @Override
  public int compareTo(KeyId o) {
    return address.compareTo(o.address);
  }

  @Override
  public String toString() {
    return address;
  }
}
