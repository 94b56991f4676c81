package io.aurelius.core.identity.wallet;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import io.aurelius.core.identity.wallet.SecretMaterial.ExpandedSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.MiniSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.Phrase;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The JSON of a keyfile, read strictly and written compactly; see {@link Keyfile}. */
final class KeyfileJson {
  private static final JsonLimits LIMITS = new JsonLimits(Keyfile.MAX_FILE_BYTES, 2, 4096);
  private static final ObjectMapper COMPACT = JsonMapper.builder().build();
  private static final Pattern HEX = Pattern.compile("(0x)?([0-9a-fA-F]*)");
  private static final List<String> FIELDS =
      List.of(
          "accountId",
          "publicKey",
          "privateKey",
          "secretPhrase",
          "secretSeed",
          "ss58Address",
          "cryptoType");
  private static final Set<String> FIELD_SET = Set.copyOf(FIELDS);

  private KeyfileJson() {}

  static byte[] write(KeyfileData data) {
    requireNonNull(data, "data");
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("accountId", data.account().hex());
    root.put("publicKey", data.account().hex());
    data.privateKey().ifPresent(key -> root.put("privateKey", ((SecretBytes) key).hex()));
    data.secretPhrase().ifPresent(phrase -> root.put("secretPhrase", new String(phrase.chars())));
    data.secretSeed().ifPresent(seed -> root.put("secretSeed", seed.hex()));
    root.put("ss58Address", data.account().ss58Address());
    data.cryptoType().ifPresent(type -> root.put("cryptoType", type.wireValue()));
    try {
      return COMPACT.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write keyfile JSON", e);
    }
  }

  static KeyfileData parse(byte[] json, String where) {
    requireNonNull(json, "json");
    requireNonNull(where, "where");
    JsonNode root;
    try {
      root = Json.parse(json, where, LIMITS);
    } catch (JsonInputException e) {
      throw corrupted(e.getMessage() + " (expected: a Bittensor keyfile, a JSON object)");
    }
    if (!root.isObject()) {
      throw corrupted(
          where
              + ": a JSON "
              + root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
              + " (expected: a Bittensor keyfile, a JSON object)");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!FIELD_SET.contains(name)) {
        throw corrupted(
            where
                + ": unknown field '"
                + abbreviate(name)
                + "' (expected only: "
                + String.join(", ", FIELDS)
                + ")");
      }
    }
    Fields fields = new Fields(root, where);
    Optional<CryptoType> cryptoType = fields.cryptoType();
    CryptoType scheme = cryptoType.orElse(CryptoType.SR25519);
    AccountId account = fields.account();
    Optional<Phrase> phrase = fields.phrase();
    Optional<MiniSecret> seed = fields.bytes("secretSeed", MiniSecret.LENGTH).map(MiniSecret::of);
    int privateLength = scheme == CryptoType.SR25519 ? ExpandedSecret.LENGTH : MiniSecret.LENGTH;
    Optional<SecretMaterial> privateKey =
        fields
            .bytes("privateKey", privateLength)
            .map(
                bytes ->
                    scheme == CryptoType.SR25519 ? ExpandedSecret.of(bytes) : MiniSecret.of(bytes));
    return new KeyfileData(account, cryptoType, phrase, seed, privateKey);
  }

  static KeyStoreException corrupted(String message) {
    return new KeyStoreException(Reason.CORRUPTED, message);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** Typed access to the fields of one keyfile object. */
  private record Fields(JsonNode root, String where) {
    /** A string field; empty when absent or null. */
    Optional<String> string(String name) {
      JsonNode value = root.get(name);
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isTextual()) {
        throw corrupted(
            where
                + ": "
                + name
                + ": a JSON "
                + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                + " (expected: a string)");
      }
      return Optional.of(value.textValue());
    }

    Optional<byte[]> bytes(String name, int length) {
      Optional<String> text = string(name);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      var matcher = HEX.matcher(text.get());
      if (!matcher.matches() || matcher.group(2).length() % 2 != 0) {
        throw corrupted(
            where + ": " + name + ": not hex (expected: 0x and " + length * 2 + " hex digits)");
      }
      int bytes = matcher.group(2).length() / 2;
      if (bytes != length) {
        throw corrupted(where + ": " + name + ": " + bytes + " bytes (expected: " + length + ")");
      }
      return Optional.of(HexFormat.of().parseHex(matcher.group(2)));
    }

    Optional<CryptoType> cryptoType() {
      JsonNode value = root.get("cryptoType");
      if (value == null || value.isNull()) {
        return Optional.empty();
      }
      if (!value.isInt()) {
        throw corrupted(
            where
                + ": cryptoType: "
                + abbreviate(value.toString())
                + " (expected: 0 for ed25519 or 1 for sr25519)");
      }
      try {
        return Optional.of(CryptoType.fromWireValue(value.intValue()));
      } catch (IllegalArgumentException e) {
        throw corrupted(where + ": cryptoType: " + e.getMessage());
      }
    }

    Optional<Phrase> phrase() {
      Optional<String> text = string("secretPhrase");
      if (text.isEmpty()) {
        return Optional.empty();
      }
      // The SDK splits a phrase on white space (bip39's parse), so runs of it are one separator.
      char[] words = text.get().strip().replaceAll("\\s+", " ").toCharArray();
      try {
        return Optional.of(Phrase.of(words));
      } catch (IllegalArgumentException e) {
        throw corrupted(where + ": secretPhrase: " + e.getMessage());
      } finally {
        Arrays.fill(words, '\0');
      }
    }

    AccountId account() {
      Optional<AccountId> publicKey = bytes("publicKey", AccountId.LENGTH).map(AccountId::of);
      Optional<AccountId> accountId = bytes("accountId", AccountId.LENGTH).map(AccountId::of);
      Optional<AccountId> ss58 = string("ss58Address").map(this::ss58);
      if (publicKey.isPresent() && accountId.isPresent() && !publicKey.equals(accountId)) {
        throw corrupted(
            where
                + ": accountId "
                + accountId.get().hex()
                + " is not publicKey "
                + publicKey.get().hex()
                + " (expected: the same key)");
      }
      Optional<AccountId> key = publicKey.or(() -> accountId);
      if (key.isPresent() && ss58.isPresent() && !key.equals(ss58)) {
        throw corrupted(
            where
                + ": ss58Address "
                + ss58.get().ss58Address()
                + " is not the address of publicKey "
                + key.get().hex()
                + " (expected: "
                + key.get().ss58Address()
                + ")");
      }
      return key.or(() -> ss58)
          .orElseThrow(
              () ->
                  corrupted(
                      where + ": no publicKey, accountId or ss58Address (expected: at least one)"));
    }

    private AccountId ss58(String address) {
      try {
        return AccountId.fromSs58(address);
      } catch (IllegalArgumentException e) {
        throw corrupted(where + ": ss58Address: " + e.getMessage());
      }
    }
  }
}
