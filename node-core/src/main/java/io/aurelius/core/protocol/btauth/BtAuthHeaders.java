package io.aurelius.core.protocol.btauth;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.protocol.HeaderLookup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The six btauth/1 headers (names case-insensitive, values exact), parsed strictly or written for a
 * client.
 *
 * <ul>
 *   <li>{@value #VERSION}: {@code 1}.
 *   <li>{@value #HOTKEY}: the sender's ss58 address (prefix 42, checksum checked).
 *   <li>{@value #RECEIVER}: the receiver's ss58 address; absent for an unbound request.
 *   <li>{@value #NONCE}: unix time in nanoseconds, canonical decimal (1..19 digits, no sign, no
 *       leading zero).
 *   <li>{@value #CRYPTO}: {@code ed25519} (or the spec's {@code hashed}, {@code mldsa}, which this
 *       node cannot verify); omitted for sr25519, though an explicit {@code sr25519} is accepted.
 *   <li>{@value #SIGNATURE}: {@code 0x} + lowercase hex.
 * </ul>
 *
 * Each header may appear once and is bounded before it is read: the spec sets no sizes, and the
 * longest legal values here are 130 characters (a 64-byte signature).
 */
public record BtAuthHeaders(
    String hotkey, String receiver, long nonce, String crypto, byte[] signature) {
  public static final String VERSION = "X-Bittensor-Version";
  public static final String HOTKEY = "X-Bittensor-Hotkey";
  public static final String RECEIVER = "X-Bittensor-Receiver";
  public static final String NONCE = "X-Bittensor-Nonce";
  public static final String CRYPTO = "X-Bittensor-Crypto";
  public static final String SIGNATURE = "X-Bittensor-Signature";

  /** The only version there is. */
  public static final String VERSION_1 = "1";

  /** Scheme names the spec lists; only ed25519 and sr25519 can be verified here. */
  static final List<String> KNOWN_SCHEMES = List.of("sr25519", "ed25519", "hashed", "mldsa");

  /** Ss58 addresses of 32-byte keys are 47 or 48 characters; 64 leaves room and no more. */
  static final int MAX_ADDRESS_LENGTH = 64;

  /** {@code 0x} and a 64-byte signature, the longest of the schemes verified here. */
  static final int MAX_SIGNATURE_LENGTH = 2 + 2 * 64;

  private static final Map<String, Integer> MAX_LENGTH =
      Map.of(
          VERSION,
          1,
          HOTKEY,
          MAX_ADDRESS_LENGTH,
          RECEIVER,
          MAX_ADDRESS_LENGTH,
          NONCE,
          19,
          CRYPTO,
          7,
          SIGNATURE,
          MAX_SIGNATURE_LENGTH);

  private static final HexFormat HEX = HexFormat.of();

  /**
   * @param receiver the receiver's ss58, or {@code null} when unbound
   * @param crypto the {@value #CRYPTO} value, or {@code null} when absent (sr25519)
   */
  public BtAuthHeaders {
    requireNonNull(hotkey, "hotkey");
    requireNonNull(signature, "signature");
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /**
   * Parses the headers of a received request, checking only their shape (sender and receiver
   * binding, time and signature are {@link BtAuthVerifier}'s); a refusal is always {@link
   * BtAuthReason#MALFORMED_AUTH}.
   */
  public static BtAuthHeaders parse(HeaderLookup headers) throws BtAuthException {
    requireNonNull(headers, "headers");
    // Limits before work: every header at most once and bounded, before any value is parsed.
    Map<String, String> values = new TreeMap<>();
    for (String name : List.of(VERSION, HOTKEY, RECEIVER, NONCE, CRYPTO, SIGNATURE)) {
      List<String> all = headers.all(name);
      if (all == null || all.isEmpty()) {
        continue;
      }
      if (all.size() > 1) {
        throw malformed(name + " appears " + all.size() + " times (expected: once)");
      }
      String value = all.get(0);
      int max = MAX_LENGTH.get(name);
      if (value.length() > max) {
        throw malformed(
            name + " is " + value.length() + " characters (expected: at most " + max + ")");
      }
      values.put(name, value);
    }

    String version = values.get(VERSION);
    if (!VERSION_1.equals(version)) {
      throw malformed(
          version == null
              ? "missing " + VERSION
              : "unsupported " + VERSION + " '" + shown(version) + "' (expected: 1)");
    }
    String hotkey = values.get(HOTKEY);
    if (hotkey == null || hotkey.isEmpty()) {
      throw malformed("missing " + HOTKEY);
    }
    try {
      AccountId.fromSs58(hotkey);
    } catch (IllegalArgumentException e) {
      throw malformed(HOTKEY + " is not an ss58 address");
    }
    String receiver = values.get(RECEIVER);
    if (receiver != null && (receiver.isEmpty() || BtAuthPayload.hasControl(receiver))) {
      throw malformed(RECEIVER + " is empty or not one line");
    }
    String rawNonce = values.get(NONCE);
    if (rawNonce == null) {
      throw malformed("missing " + NONCE);
    }
    long nonce = parseNonce(rawNonce);
    String crypto = values.get(CRYPTO);
    if (crypto != null && !KNOWN_SCHEMES.contains(crypto)) {
      throw malformed("unsupported " + CRYPTO + " '" + shown(crypto) + "'");
    }
    String rawSignature = values.get(SIGNATURE);
    if (rawSignature == null) {
      throw malformed("missing " + SIGNATURE);
    }
    if (!rawSignature.startsWith("0x")
        || rawSignature.length() % 2 != 0
        || rawSignature.length() == 2
        || !BtAuthPayload.isLowerHex(rawSignature.substring(2))) {
      throw malformed(SIGNATURE + " is not 0x + lowercase hex");
    }
    byte[] signature = HEX.parseHex(rawSignature, 2, rawSignature.length());
    return new BtAuthHeaders(hotkey, receiver, nonce, crypto, signature);
  }

  /**
   * The headers a client sends for {@code payload} signed as {@code signature}: {@value #CRYPTO}
   * only for a scheme other than sr25519, {@value #RECEIVER} only when bound.
   */
  public static BtAuthHeaders forPayload(BtAuthPayload payload, byte[] signature) {
    requireNonNull(payload, "payload");
    return new BtAuthHeaders(
        payload.sender(),
        payload.receiver(),
        payload.nonce(),
        payload.scheme() == KeyScheme.SR25519 ? null : payload.scheme().wireName(),
        signature);
  }

  /** The headers to set, in the SDK's order, names in the spec's case. */
  public Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put(VERSION, VERSION_1);
    out.put(HOTKEY, hotkey);
    out.put(NONCE, Long.toString(nonce));
    out.put(SIGNATURE, "0x" + HEX.formatHex(signature));
    if (crypto != null) {
      out.put(CRYPTO, crypto);
    }
    if (receiver != null) {
      out.put(RECEIVER, receiver);
    }
    return out;
  }

  /** A case-insensitive {@link HeaderLookup} over a map of single-valued headers. */
  public static HeaderLookup lookup(Map<String, String> headers) {
    Map<String, List<String>> lowered = new TreeMap<>();
    headers.forEach(
        (k, v) ->
            lowered.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(v));
    return name -> lowered.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** Canonical decimal: 1..19 digits, no leading zero (the SDK signs {@code str(int)}). */
  private static long parseNonce(String value) throws BtAuthException {
    boolean digits = !value.isEmpty();
    for (int i = 0; i < value.length() && digits; i++) {
      char c = value.charAt(i);
      digits = c >= '0' && c <= '9';
    }
    if (!digits || (value.length() > 1 && value.charAt(0) == '0')) {
      throw malformed(NONCE + " '" + shown(value) + "' is not a canonical decimal integer");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw malformed(NONCE + " '" + value + "' is out of range");
    }
  }

  private static BtAuthException malformed(String message) {
    return new BtAuthException(BtAuthReason.MALFORMED_AUTH, message);
  }

  /** A value shown in a one-line message: control characters replaced, cut at 64 characters. */
  static String shown(String value) {
    String oneLine = value.replaceAll("[\\p{Cntrl}]", "?");
    return oneLine.length() > 64 ? oneLine.substring(0, 64) + "…" : oneLine;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BtAuthHeaders h
        && hotkey.equals(h.hotkey)
        && Objects.equals(receiver, h.receiver)
        && nonce == h.nonce
        && Objects.equals(crypto, h.crypto)
        && Arrays.equals(signature, h.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hotkey, receiver, nonce, crypto, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "BtAuthHeaders" + asMap();
  }
}
