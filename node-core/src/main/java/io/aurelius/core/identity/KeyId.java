package io.aurelius.core.identity;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Blake2b;
import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.VerifyingKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The printable name of an account: an SS58 address (network prefix 42, the generic Substrate
 * prefix Bittensor uses), e.g. {@code 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY}, of a
 * 32-byte public key. It carries a two-byte BLAKE2b checksum, so a mistyped id is an error, not
 * another key.
 *
 * <p>An address does not say which {@link KeyScheme} its key is of (Substrate accounts are the same
 * for sr25519 and ed25519 keys), so a key id holds only the 32 bytes. Whoever verifies a signature
 * names the scheme: from the signed document, the chain's account registry or its configuration,
 * through {@link #verifyingKey(KeyScheme)}.
 */
public final class KeyId implements Comparable<KeyId> {
  public static final int NETWORK_PREFIX = 42;
  private static final byte[] SS58_PREFIX = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

  public static final int ACCOUNT_LENGTH = 32;

  private final String address;
  private final byte[] account;

  private KeyId(String address, byte[] account) {
    this.address = address;
    this.account = account;
  }

  /** The key id of a public key of any scheme. */
  public static KeyId of(VerifyingKey key) {
    requireNonNull(key, "key");
    return ofAccount(key.bytes());
  }

  /** The key id of 32 account bytes (a public key); another length is refused. */
  public static KeyId ofAccount(byte[] account) {
    requireNonNull(account, "account");
    if (account.length != ACCOUNT_LENGTH) {
      throw new IllegalArgumentException(
          "account: " + account.length + " bytes (expected: " + ACCOUNT_LENGTH + ")");
    }
    byte[] payload = concat(new byte[] {(byte) NETWORK_PREFIX}, account);
    byte[] checksum = Arrays.copyOf(Blake2b.digest(64, SS58_PREFIX, payload), 2);
    return new KeyId(Base58.encode(concat(payload, checksum)), account.clone());
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
    return new KeyId(address, Arrays.copyOfRange(raw, 1, 33));
  }

  /** The account's 32 bytes: the public key, whatever its scheme (a copy). */
  public byte[] accountBytes() {
    return account.clone();
  }

  /** The public key read as a key of {@code scheme}. */
  public VerifyingKey verifyingKey(KeyScheme scheme) {
    requireNonNull(scheme, "scheme");
    return scheme.publicKey(account);
  }

  /**
   * The public key read as Ed25519, for formats that only know Ed25519 (C2SP signed notes, SSH
   * signatures, the node's own key files).
   */
  public Ed25519PublicKey ed25519() {
    return Ed25519PublicKey.fromBytes(account);
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
