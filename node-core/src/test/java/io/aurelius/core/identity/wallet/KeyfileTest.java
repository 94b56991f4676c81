package io.aurelius.core.identity.wallet;

import static io.aurelius.core.identity.wallet.WalletFixtures.CHEAP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.identity.KeyStoreException;
import io.aurelius.core.identity.KeyStoreException.Reason;
import io.aurelius.core.identity.wallet.SecretMaterial.ExpandedSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.MiniSecret;
import io.aurelius.core.identity.wallet.SecretMaterial.Phrase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class KeyfileTest {
  private static final String WHERE = "w/coldkey";

  @Test
  void readsTheColdkeyJsonBittensorWalletWrote() {
    KeyfileData data = Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), WHERE);
    assertThat(data.account().hex()).isEqualTo(WalletFixtures.COLD_PUBLIC);
    assertThat(data.account().ss58Address()).isEqualTo(WalletFixtures.COLD_SS58);
    assertThat(data.cryptoType()).contains(CryptoType.SR25519);
    assertThat(new String(data.secretPhrase().orElseThrow().chars()))
        .isEqualTo(WalletFixtures.PHRASE);
    assertThat(hex(data.secretSeed().orElseThrow().bytes())).isEqualTo(WalletFixtures.COLD_SEED);
    assertThat(data.privateKey().orElseThrow()).isInstanceOf(ExpandedSecret.class);
    assertThat(hex(((ExpandedSecret) data.privateKey().orElseThrow()).bytes()))
        .isEqualTo(WalletFixtures.COLD_PRIVATE);
    // The SDK loads from the phrase first, then the seed, then the private key.
    assertThat(data.preferredSecret()).containsSame(data.secretPhrase().orElseThrow());
    KeyMaterial material = data.keyMaterial().orElseThrow();
    assertThat(material.cryptoType()).isEqualTo(CryptoType.SR25519);
    assertThat(material.account()).isEqualTo(data.account());
    assertThat(material.secret()).isInstanceOf(Phrase.class);
  }

  @Test
  void preferenceFallsBackToSeedThenPrivateKey() {
    String noPhrase =
        json(
            "\"publicKey\":\"%s\",\"secretSeed\":\"%s\",\"privateKey\":\"%s\"",
            WalletFixtures.COLD_PUBLIC, WalletFixtures.COLD_SEED, WalletFixtures.COLD_PRIVATE);
    KeyfileData data = Keyfile.parseJson(utf8(noPhrase), WHERE);
    assertThat(data.preferredSecret()).containsSame(data.secretSeed().orElseThrow());
    assertThat(data.cryptoType()).isEmpty();
    assertThat(data.scheme()).isEqualTo(CryptoType.SR25519);
    String onlyPrivate =
        json(
            "\"publicKey\":\"%s\",\"secretPhrase\":null,\"privateKey\":\"%s\"",
            WalletFixtures.COLD_PUBLIC, WalletFixtures.COLD_PRIVATE);
    KeyfileData fallback = Keyfile.parseJson(utf8(onlyPrivate), WHERE);
    assertThat(fallback.preferredSecret().orElseThrow()).isInstanceOf(ExpandedSecret.class);
  }

  @Test
  void readsAnEd25519HotkeyWhosePrivateKeyIsItsSeed() {
    KeyfileData data =
        Keyfile.parseJson(WalletFixtures.resource("wallets/fixture/hotkeys/edminer"), WHERE);
    assertThat(data.cryptoType()).contains(CryptoType.ED25519);
    assertThat(data.account().ss58Address()).isEqualTo(WalletFixtures.ED_SS58);
    assertThat(data.privateKey().orElseThrow()).isInstanceOf(MiniSecret.class);
    assertThat(hex(((MiniSecret) data.privateKey().orElseThrow()).bytes()))
        .isEqualTo(WalletFixtures.ED_SEED);
  }

  @Test
  void jsonRoundTripKeepsEveryField() {
    KeyfileData data = Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), WHERE);
    byte[] written = Keyfile.toJson(data);
    assertThat(new String(written, StandardCharsets.UTF_8))
        .startsWith("{\"accountId\":\"" + WalletFixtures.COLD_PUBLIC + "\",\"publicKey\":")
        .endsWith("\"ss58Address\":\"" + WalletFixtures.COLD_SS58 + "\",\"cryptoType\":1}");
    assertThat(Keyfile.parseJson(written, WHERE)).isEqualTo(data);
    KeyfileData publicOnly = Keyfile.parseJson(Keyfile.toJson(data.publicOnly()), WHERE);
    assertThat(publicOnly.hasSecret()).isFalse();
    assertThat(publicOnly.account()).isEqualTo(data.account());
    assertThat(new String(Keyfile.toJson(data.publicOnly()), StandardCharsets.UTF_8))
        .doesNotContain("secret", "private");
  }

  @Test
  void naclRoundTripAndTheFormatsBytes() {
    KeyfileData data = Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), WHERE);
    byte[] file = Keyfile.encode(data, WalletFixtures.password(), CHEAP);
    assertThat(Keyfile.encryption(file)).isEqualTo(KeyfileEncryption.NACL);
    assertThat(Arrays.copyOf(file, 5)).isEqualTo(utf8("$NACL"));
    // $NACL ‖ 24-byte nonce ‖ 16-byte tag ‖ JSON-sized ciphertext
    assertThat(file).hasSize(5 + 24 + 16 + Keyfile.toJson(data).length);
    assertThat(Keyfile.decode(file, WHERE, WalletFixtures.password(), CHEAP)).isEqualTo(data);
    byte[] again = Keyfile.encode(data, WalletFixtures.password(), CHEAP);
    assertThat(Arrays.copyOfRange(again, 5, 29)).isNotEqualTo(Arrays.copyOfRange(file, 5, 29));
  }

  @Test
  void theNaclKeyIsArgon2iOfThePassphraseWithTheSdksFixedSalt() {
    // Opened by hand with the primitives: a keyfile that used another salt or KDF would not open.
    KeyfileData data = Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), WHERE);
    byte[] file = Keyfile.encode(data, WalletFixtures.password(), CHEAP);
    byte[] key =
        io.aurelius.core.crypto.Argon2i.derive(
            utf8(WalletFixtures.PASSWORD),
            HexFormat.of().parseHex("137183dff15a09bc9c90b5518739e9b1"),
            3,
            8192,
            32);
    Optional<byte[]> plaintext =
        io.aurelius.core.crypto.XSalsa20Poly1305.open(
            key, Arrays.copyOfRange(file, 5, 29), Arrays.copyOfRange(file, 29, file.length));
    assertThat(plaintext).hasValue(Keyfile.toJson(data));
  }

  @Test
  void wrongPassphraseIsRefusedInOneLine() {
    byte[] file = naclFile();
    assertRefused(
        () -> Keyfile.decode(file, WHERE, "wrong".toCharArray(), CHEAP),
        Reason.WRONG_PASSPHRASE,
        "w/coldkey: wrong passphrase, or the $NACL keyfile is truncated or altered"
            + " (the secretbox did not open)");
    assertRefused(
        () -> Keyfile.decode(file, WHERE),
        Reason.WRONG_PASSPHRASE,
        "w/coldkey: encrypted ($NACL) (expected: a passphrase)");
  }

  @Test
  void truncatedCiphertextIsRefused() {
    byte[] file = naclFile();
    assertRefused(
        () -> Keyfile.decode(Arrays.copyOf(file, file.length - 1), WHERE, pw(), CHEAP),
        Reason.WRONG_PASSPHRASE,
        "w/coldkey: wrong passphrase, or the $NACL keyfile is truncated or altered"
            + " (the secretbox did not open)");
    assertRefused(
        () -> Keyfile.decode(Arrays.copyOf(file, 44), WHERE, pw(), CHEAP),
        Reason.CORRUPTED,
        "w/coldkey: $NACL keyfile of 44 bytes is truncated (expected: at least 45: $NACL,"
            + " a 24-byte nonce and a 16-byte tag)");
    byte[] altered = file.clone();
    altered[10] ^= 1;
    assertThatThrownBy(() -> Keyfile.decode(altered, WHERE, pw(), CHEAP))
        .isInstanceOf(KeyStoreException.class);
  }

  @Test
  void malformedJsonIsRefusedWithThePath() {
    assertRefused(() -> Keyfile.parseJson(utf8("{\"publicKey\": "), WHERE), Reason.CORRUPTED, null);
    assertThatThrownBy(() -> Keyfile.parseJson(utf8("{\"publicKey\": "), WHERE))
        .hasMessageStartingWith("w/coldkey: malformed JSON")
        .hasMessageEndingWith("(expected: a Bittensor keyfile, a JSON object)");
    assertRefused(
        () -> Keyfile.parseJson(utf8("[1]"), WHERE),
        Reason.CORRUPTED,
        "w/coldkey: a JSON array (expected: a Bittensor keyfile, a JSON object)");
    assertRefused(
        () -> Keyfile.parseJson(utf8("{}"), WHERE),
        Reason.CORRUPTED,
        "w/coldkey: no publicKey, accountId or ss58Address (expected: at least one)");
  }

  @Test
  void invalidFieldsAreRefusedNamingTheField() {
    assertRefused(
        () -> parse("\"publicKey\":\"0x" + "ab".repeat(31) + "\""),
        Reason.CORRUPTED,
        "w/coldkey: publicKey: 31 bytes (expected: 32)");
    assertRefused(
        () -> parse("\"publicKey\":\"0xzz\""),
        Reason.CORRUPTED,
        "w/coldkey: publicKey: not hex (expected: 0x and 64 hex digits)");
    assertRefused(
        () -> parse("\"publicKey\":7"),
        Reason.CORRUPTED,
        "w/coldkey: publicKey: a JSON number (expected: a string)");
    assertRefused(
        () -> parse("\"publicKey\":\"%s\",\"nonsense\":1", WalletFixtures.COLD_PUBLIC),
        Reason.CORRUPTED,
        "w/coldkey: unknown field 'nonsense' (expected only: accountId, publicKey, privateKey,"
            + " secretPhrase, secretSeed, ss58Address, cryptoType)");
    assertRefused(
        () -> parse("\"publicKey\":\"%s\",\"cryptoType\":2", WalletFixtures.COLD_PUBLIC),
        Reason.CORRUPTED,
        "w/coldkey: cryptoType: 2 (expected: 0 for ed25519 or 1 for sr25519)");
    assertRefused(
        () ->
            parse(
                "\"publicKey\":\"%s\",\"secretSeed\":\"0x%s\"",
                WalletFixtures.COLD_PUBLIC, "00".repeat(33)),
        Reason.CORRUPTED,
        "w/coldkey: secretSeed: 33 bytes (expected: 32)");
    assertRefused(
        () ->
            parse(
                "\"publicKey\":\"%s\",\"privateKey\":\"%s\"",
                WalletFixtures.COLD_PUBLIC, WalletFixtures.COLD_SEED),
        Reason.CORRUPTED,
        "w/coldkey: privateKey: 32 bytes (expected: 64)");
    assertRefused(
        () ->
            parse(
                "\"publicKey\":\"%s\",\"secretPhrase\":\"bottom drive obey\"",
                WalletFixtures.COLD_PUBLIC),
        Reason.CORRUPTED,
        "w/coldkey: secretPhrase: 3 words (expected: 12, 15, 18, 21 or 24)");
  }

  @Test
  void aPhraseIsReadAsTheSdkSplitsIt() {
    KeyfileData data =
        parse(
            "\"publicKey\":\"%s\",\"secretPhrase\":\" %s \\n\"",
            WalletFixtures.COLD_PUBLIC, WalletFixtures.PHRASE.replace(" ", "  "));
    assertThat(new String(data.secretPhrase().orElseThrow().chars()))
        .isEqualTo(WalletFixtures.PHRASE);
    assertRefused(
        () ->
            parse(
                "\"publicKey\":\"%s\",\"secretPhrase\":\"%s\"",
                WalletFixtures.COLD_PUBLIC,
                WalletFixtures.PHRASE.toUpperCase(java.util.Locale.ROOT)),
        Reason.CORRUPTED,
        "w/coldkey: secretPhrase: a character other than a-z or space (expected: lower-case"
            + " BIP-39 words)");
  }

  @Test
  void valueTypesNameWhatIsWrong() {
    assertThatThrownBy(() -> AccountId.of(new byte[31]))
        .hasMessage("account id: 31 bytes (expected: 32)");
    assertThatThrownBy(() -> MiniSecret.of(new byte[33]))
        .hasMessage("mini secret: 33 bytes (expected: 32)");
    assertThatThrownBy(() -> ExpandedSecret.of(new byte[32]))
        .hasMessage("expanded secret: 32 bytes (expected: 64)");
    assertThatThrownBy(() -> Phrase.of("abandon".toCharArray()))
        .hasMessage("1 word (expected: 12, 15, 18, 21 or 24)");
  }

  @Test
  void anSs58AddressThatIsNotThePublicKeysIsRefused() {
    assertRefused(
        () ->
            parse(
                "\"publicKey\":\"%s\",\"ss58Address\":\"%s\"",
                WalletFixtures.COLD_PUBLIC, WalletFixtures.HOT_SS58),
        Reason.CORRUPTED,
        "w/coldkey: ss58Address "
            + WalletFixtures.HOT_SS58
            + " is not the address of publicKey "
            + WalletFixtures.COLD_PUBLIC
            + " (expected: "
            + WalletFixtures.COLD_SS58
            + ")");
    assertRefused(
        () ->
            parse(
                "\"publicKey\":\"%s\",\"accountId\":\"%s\"",
                WalletFixtures.COLD_PUBLIC, WalletFixtures.HOT_PUBLIC),
        Reason.CORRUPTED,
        "w/coldkey: accountId "
            + WalletFixtures.HOT_PUBLIC
            + " is not publicKey "
            + WalletFixtures.COLD_PUBLIC
            + " (expected: the same key)");
    String typo = WalletFixtures.COLD_SS58.substring(0, 47) + "W";
    assertThatThrownBy(() -> parse("\"ss58Address\":\"%s\"", typo))
        .hasMessageStartingWith("w/coldkey: ss58Address: ")
        .hasMessageContaining("checksum");
    // An ss58Address alone names the account, as in an old coldkeypub.txt.
    assertThat(parse("\"ss58Address\":\"%s\"", WalletFixtures.COLD_SS58).account().hex())
        .isEqualTo(WalletFixtures.COLD_PUBLIC);
  }

  @Test
  void detectsTheSdksFormats() {
    assertThat(Keyfile.encryption(utf8("$NACL..."))).isEqualTo(KeyfileEncryption.NACL);
    assertThat(Keyfile.encryption(utf8("$ANSIBLE_VAULT;1.1;AES256\n")))
        .isEqualTo(KeyfileEncryption.ANSIBLE_VAULT);
    assertThat(Keyfile.encryption(WalletFixtures.resource("coldkey.fernet")))
        .isEqualTo(KeyfileEncryption.LEGACY_FERNET);
    assertThat(Keyfile.encryption(WalletFixtures.resource("wallets/fixture/coldkey")))
        .isEqualTo(KeyfileEncryption.NACL);
    assertThat(Keyfile.encryption(WalletFixtures.resource("wallets/fixture/hotkeys/miner")))
        .isEqualTo(KeyfileEncryption.NONE);
    assertRefused(
        () -> Keyfile.decode(utf8("$ANSIBLE_VAULT;1.1;AES256\n3132"), WHERE, pw(), CHEAP),
        Reason.CORRUPTED,
        "w/coldkey: Ansible Vault: 1 parts (expected: salt, HMAC and ciphertext)");
  }

  @Test
  void decryptsALegacyFernetKeyfileWrittenByPythonCryptography() {
    // 1,000 PBKDF2 rounds instead of the SDK's 10,000,000 (LegacyFernetKeyfileTest has those).
    byte[] file = WalletFixtures.resource("coldkey.fernet-1000-rounds");
    KeyfileData data = Keyfile.decode(file, WHERE, pw(), CHEAP);
    assertThat(data)
        .isEqualTo(Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), WHERE));
    assertRefused(
        () -> Keyfile.decode(file, WHERE, "wrong".toCharArray(), CHEAP),
        Reason.WRONG_PASSPHRASE,
        "w/coldkey: wrong passphrase, or the legacy Fernet keyfile was altered"
            + " (its HMAC does not match)");
    assertRefused(
        () -> Keyfile.decode(Arrays.copyOf(file, 60), WHERE, pw(), CHEAP),
        Reason.CORRUPTED,
        "w/coldkey: Fernet token: 45 bytes (expected: at least 73)");
  }

  @Test
  void decryptsALegacyAnsibleVaultKeyfileWrittenByAnsible() {
    byte[] file = WalletFixtures.resource("coldkey.ansible");
    assertThat(Keyfile.encryption(file)).isEqualTo(KeyfileEncryption.ANSIBLE_VAULT);
    assertThat(Keyfile.decode(file, WHERE, pw()))
        .isEqualTo(Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), WHERE));
    assertRefused(
        () -> Keyfile.decode(file, WHERE, "wrong".toCharArray()),
        Reason.WRONG_PASSPHRASE,
        "w/coldkey: wrong passphrase, or the Ansible Vault keyfile was altered"
            + " (its HMAC does not match)");
    assertRefused(
        () -> Keyfile.decode(file, WHERE),
        Reason.WRONG_PASSPHRASE,
        "w/coldkey: encrypted ($ANSIBLE_VAULT) (expected: a passphrase)");
  }

  @Test
  void secretsNeverShowInToString() {
    KeyfileData data = Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), WHERE);
    String shown = data + " " + data.keyMaterial().orElseThrow();
    assertThat(shown)
        .contains(WalletFixtures.COLD_SS58, "redacted")
        .doesNotContain("bottom", WalletFixtures.COLD_SEED.substring(2, 12), "05d65584");
    data.destroy();
    assertThat(data.secretSeed().orElseThrow().isDestroyed()).isTrue();
    assertThatThrownBy(() -> data.secretPhrase().orElseThrow().chars())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void keyfileDataOfPutsEachSecretInItsField() {
    AccountId account = AccountId.fromSs58(WalletFixtures.HOT_SS58);
    byte[] seed = HexFormat.of().parseHex(WalletFixtures.HOT_SEED.substring(2));
    KeyfileData data = KeyfileData.of(account, CryptoType.SR25519, MiniSecret.of(seed));
    assertThat(new String(Keyfile.toJson(data), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"accountId\":\""
                + WalletFixtures.HOT_PUBLIC
                + "\",\"publicKey\":\""
                + WalletFixtures.HOT_PUBLIC
                + "\",\"secretSeed\":\""
                + WalletFixtures.HOT_SEED
                + "\",\"ss58Address\":\""
                + WalletFixtures.HOT_SS58
                + "\",\"cryptoType\":1}");
    assertThatThrownBy(
            () -> KeyfileData.of(account, CryptoType.ED25519, ExpandedSecret.of(new byte[64])))
        .hasMessage("privateKey: 64 bytes (expected: 32 for an ed25519 key)");
  }

  private static byte[] naclFile() {
    KeyfileData data = Keyfile.parseJson(WalletFixtures.resource("coldkey.plain.json"), WHERE);
    return Keyfile.encode(data, pw(), CHEAP);
  }

  private static char[] pw() {
    return WalletFixtures.password();
  }

  private static KeyfileData parse(String fields, Object... args) {
    return Keyfile.parseJson(utf8(json(fields, args)), WHERE);
  }

  private static String json(String fields, Object... args) {
    return "{" + String.format(fields, args) + "}";
  }

  private static void assertRefused(ThrowingCallable call, Reason reason, String message) {
    var thrown =
        assertThatThrownBy(call)
            .isInstanceOf(KeyStoreException.class)
            .satisfies(e -> assertThat(((KeyStoreException) e).reason()).isEqualTo(reason))
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    if (message != null) {
      thrown.hasMessage(message);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String hex(byte[] bytes) {
    return "0x" + HexFormat.of().formatHex(bytes);
  }

  static {
    // Keeps SecureRandom's class initialisation out of the first test's timing.
    new SecureRandom().nextInt();
  }
}
