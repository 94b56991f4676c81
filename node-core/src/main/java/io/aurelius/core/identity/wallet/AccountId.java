package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.identity.KeyId;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Substrate {@code AccountId32}: the 32-byte public key of a wallet key, of either scheme, and
 * its SS58 address with network prefix 42. The address depends only on the 32 bytes, so it is
 * computed with {@link KeyId}, whatever the key's scheme.
 */
public final class AccountId {
  public static final int LENGTH = 32;

  private final byte[] bytes;
  private final String ss58Address;

  private AccountId(byte[] bytes, String ss58Address) {
    this.bytes = bytes;
    this.ss58Address = ss58Address;
  }

  /** The account of a 32-byte public key; another length is an {@link IllegalArgumentException}. */
  public static AccountId of(byte[] publicKey) {
    requireNonNull(publicKey, "publicKey");
    if (publicKey.length != LENGTH) {
      throw new IllegalArgumentException(
          "account id: " + publicKey.length + " bytes (expected: " + LENGTH + ")");
    }
    byte[] copy = publicKey.clone();
    return new AccountId(copy, KeyId.of(Ed25519PublicKey.fromBytes(copy)).address());
  }

  /**
   * The account an SS58 address names; a wrong character, length, prefix (other than 42) or
   * checksum is an {@link IllegalArgumentException} with a one-line reason.
   */
  public static AccountId fromSs58(String address) {
    KeyId id = KeyId.parse(address);
    return new AccountId(id.accountBytes(), id.address());
  }

  /** The public key. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** {@code 0x} followed by 64 lower-case hex digits, as keyfiles write it. */
  public String hex() {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  public String ss58Address() {
    return ss58Address;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return ss58Address;
  }
}
