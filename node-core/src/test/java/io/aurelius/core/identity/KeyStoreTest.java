package io.aurelius.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.ScryptParams;
import io.aurelius.core.identity.KeyStoreException.Reason;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {
  /** Low cost keeps the tests fast; production uses {@link ScryptParams#DEFAULT}. */
  static final ScryptParams FAST = new ScryptParams(1024, 8, 1);

  private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

  @TempDir Path home;

  private KeyStore store() {
    return KeyStore.inHome(home);
  }

  @Test
  void hotkeyRoundTripsWithModes0600And0700() throws IOException {
    StoredKey created = store().createHotkey(KeyName.of("validator"));
    Path file = home.resolve("keys/validator.json");
    assertThat(created.file()).isEqualTo(file);
    assertThat(created.kind()).isEqualTo(KeyKind.HOTKEY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    Ed25519KeyPair loaded = store().loadHotkey(KeyName.of("validator"));
    assertThat(KeyId.of(loaded.publicKey())).isEqualTo(created.keyId());
    byte[] msg = "hello".getBytes(StandardCharsets.UTF_8);
    assertThat(created.publicKey().verify(msg, loaded.sign(msg))).isTrue();
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("validator.json");
    }
  }

  @Test
  void hotkeyFileHasTheDocumentedFields() throws IOException {
    Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(new byte[32]);
    store().createHotkey(KeyName.of("a"), pair);
    JsonNode root = read("a");
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly("format", "kind", "name", "key_id", "public_key", "seed");
    assertThat(root.get("format").asText()).isEqualTo("aurelius.key/1");
    assertThat(root.get("kind").asText()).isEqualTo("hotkey");
    assertThat(root.get("name").asText()).isEqualTo("a");
    assertThat(root.get("key_id").asText()).isEqualTo(KeyId.of(pair.publicKey()).address());
    assertThat(root.get("public_key").asText()).isEqualTo(pair.publicKey().hex());
    assertThat(root.get("seed").asText()).isEqualTo("00".repeat(32));
  }

  @Test
  void coldkeyRoundTripsAndRecordsItsParameters() throws IOException {
    Ed25519KeyPair pair = Ed25519KeyPair.generate();
    StoredKey created = store().createColdkey(KeyName.of("owner"), pair, PASSPHRASE, FAST);
    assertThat(created.kind()).isEqualTo(KeyKind.COLDKEY);
    JsonNode root = read("owner");
    assertThat(root.fieldNames())
        .toIterable()
        .containsExactly(
            "format", "kind", "name", "key_id", "public_key", "encryption", "ciphertext");
    JsonNode enc = root.get("encryption");
    assertThat(enc.get("kdf").asText()).isEqualTo("scrypt");
    assertThat(enc.get("n").asInt()).isEqualTo(1024);
    assertThat(enc.get("r").asInt()).isEqualTo(8);
    assertThat(enc.get("p").asInt()).isEqualTo(1);
    assertThat(enc.get("salt").asText()).hasSize(32);
    assertThat(enc.get("cipher").asText()).isEqualTo("chacha20-poly1305");
    assertThat(enc.get("nonce").asText()).hasSize(24);
    assertThat(root.get("ciphertext").asText()).hasSize(96);
    String text = Files.readString(created.file());
    assertThat(text).doesNotContain(HexFormat.of().formatHex(pair.privateKey().seed()));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created.file())))
        .isEqualTo("rw-------");
    Ed25519KeyPair loaded = store().loadColdkey(KeyName.of("owner"), PASSPHRASE.clone());
    assertThat(loaded.privateKey().seed()).isEqualTo(pair.privateKey().seed());
  }

  @Test
  void passphraseIsNormalisedSoComposedAndDecomposedFormsAgree() {
    store().createColdkey(KeyName.of("owner"), "caf\u00e9".toCharArray(), FAST);
    assertThat(store().loadColdkey(KeyName.of("owner"), "cafe\u0301".toCharArray())).isNotNull();
  }

  @Test
  void wrongPassphraseIsOneClearLine() {
    store().createColdkey(KeyName.of("owner"), PASSPHRASE, FAST);
    assertRefused(
        () -> store().loadColdkey(KeyName.of("owner"), "wrong".toCharArray()),
        Reason.WRONG_PASSPHRASE,
        home.resolve("keys/owner.json")
            + ": wrong passphrase or corrupted key file (the coldkey did not decrypt)");
  }

  @Test
  void flippedCiphertextByteIsDetected() throws IOException {
    store().createColdkey(KeyName.of("owner"), PASSPHRASE, FAST);
    edit(
        "owner",
        root -> {
          String c = root.get("ciphertext").asText();
          root.put("ciphertext", (c.charAt(0) == '0' ? "1" : "0") + c.substring(1));
        });
    assertRefused(
        () -> store().loadColdkey(KeyName.of("owner"), PASSPHRASE),
        Reason.WRONG_PASSPHRASE,
        "wrong passphrase or corrupted key file");
  }

  @Test
  void everyHeaderFieldIsBoundToTheCiphertext() throws IOException {
    Ed25519KeyPair other = Ed25519KeyPair.generate();
    List<Consumer<ObjectNode>> edits =
        List.of(
            root -> ((ObjectNode) root.get("encryption")).put("n", 2048),
            root -> ((ObjectNode) root.get("encryption")).put("r", 4),
            root -> ((ObjectNode) root.get("encryption")).put("salt", "00".repeat(16)),
            root -> ((ObjectNode) root.get("encryption")).put("nonce", "00".repeat(12)),
            // A consistent but different identity: passes every structural check.
            root ->
                root.put("public_key", other.publicKey().hex())
                    .put("key_id", KeyId.of(other.publicKey()).address()));
    for (int i = 0; i < edits.size(); i++) {
      KeyName name = KeyName.of("owner" + i);
      store().createColdkey(name, PASSPHRASE, FAST);
      edit(name.value(), edits.get(i));
      int index = i;
      assertThatThrownBy(() -> store().loadColdkey(name, PASSPHRASE))
          .as("edit %d", index)
          .isInstanceOfSatisfying(
              KeyStoreException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PASSPHRASE));
    }
  }

  @Test
  void truncatedFileIsCorruptedNamingTheFile() throws IOException {
    store().createHotkey(KeyName.of("a"));
    Path file = home.resolve("keys/a.json");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertRefused(
        () -> store().loadHotkey(KeyName.of("a")),
        Reason.CORRUPTED,
        file + ": malformed JSON at line");
    assertRefused(() -> store().list(), Reason.CORRUPTED, "expected: an aurelius key file");
    Files.write(file, new byte[0]);
    assertRefused(() -> store().get(KeyName.of("a")), Reason.CORRUPTED, file.toString());
  }

  @Test
  void structuralDamageIsNamedPrecisely() throws IOException {
    store().createColdkey(KeyName.of("c"), PASSPHRASE, FAST);
    store().createHotkey(KeyName.of("h"));
    Path c = home.resolve("keys/c.json");
    Path h = home.resolve("keys/h.json");
    expectCorrupted(
        "h",
        r -> r.put("format", "aurelius.key/2"),
        h + ": format \"aurelius.key/2\" (expected: \"aurelius.key/1\")");
    expectCorrupted("h", r -> r.remove("format"), h + ": missing field 'format'");
    expectCorrupted(
        "h",
        r -> r.put("kind", "warmkey"),
        h + ": key kind 'warmkey' (expected one of: hotkey, coldkey)");
    expectCorrupted(
        "h",
        r -> r.put("name", "other"),
        h + ": name 'other' (expected: 'h', the file name without .json)");
    expectCorrupted("h", r -> r.put("extra", 1), h + ": unknown field 'extra'");
    expectCorrupted(
        "h",
        r -> r.put("seed", "zz"),
        h + ": field 'seed' is not lower-case hex (expected: 64 lower-case hex digits)");
    expectCorrupted(
        "h", r -> r.put("seed", "00".repeat(32)), h + ": seed does not give public_key");
    expectCorrupted(
        "h",
        r -> r.put("key_id", KeyId.of(Ed25519KeyPair.generate().publicKey()).address()),
        "is not the id of public_key");
    expectCorrupted(
        "c",
        r -> ((ObjectNode) r.get("encryption")).put("kdf", "argon2id"),
        c + ": encryption: kdf 'argon2id' (expected: 'scrypt')");
    expectCorrupted(
        "c",
        r -> ((ObjectNode) r.get("encryption")).put("cipher", "aes-256-gcm"),
        c + ": encryption: cipher 'aes-256-gcm' (expected: 'chacha20-poly1305')");
    expectCorrupted(
        "c",
        r -> ((ObjectNode) r.get("encryption")).put("n", 1 << 30),
        c + ": encryption: scrypt n: 1073741824 (expected: a power of two in 1024..1048576)");
    expectCorrupted(
        "c",
        r -> r.put("ciphertext", "00"),
        c + ": field 'ciphertext' is 2 hex digits (expected: 96 lower-case hex digits)");
  }

  @Test
  void keysAreNeverOverwritten() throws IOException {
    StoredKey first = store().createHotkey(KeyName.of("a"));
    String before = Files.readString(first.file());
    assertRefused(
        () -> store().createHotkey(KeyName.of("a")),
        Reason.ALREADY_EXISTS,
        "key 'a' already exists at " + first.file());
    assertRefused(
        () -> store().createColdkey(KeyName.of("a"), PASSPHRASE, FAST),
        Reason.ALREADY_EXISTS,
        "keys are never overwritten");
    assertThat(Files.readString(first.file())).isEqualTo(before);
  }

  @Test
  void listsFindsAndRefusesTheWrongKind() {
    StoredKey owner = store().createColdkey(KeyName.of("owner"), PASSPHRASE, FAST);
    StoredKey hot = store().createHotkey(KeyName.of("hot"));
    assertThat(store().list()).containsExactly(hot, owner);
    assertThat(store().get(KeyName.of("owner"))).isEqualTo(owner);
    assertThat(store().find(owner.keyId())).isEqualTo(owner);
    KeyId stranger = KeyId.of(Ed25519KeyPair.generate().publicKey());
    assertRefused(
        () -> store().find(stranger), Reason.NOT_FOUND, "key id " + stranger + ": no such key");
    assertRefused(
        () -> store().get(KeyName.of("nobody")),
        Reason.NOT_FOUND,
        "key 'nobody': no such key in " + home.resolve("keys"));
    assertRefused(
        () -> store().loadHotkey(KeyName.of("owner")),
        Reason.WRONG_KIND,
        "key 'owner' is a coldkey (expected: a hotkey)");
    assertRefused(
        () -> store().loadColdkey(KeyName.of("hot"), PASSPHRASE),
        Reason.WRONG_KIND,
        "key 'hot' is a hotkey (expected: a coldkey)");
  }

  @Test
  void emptyStoreListsNothingAndCreatesNothing() {
    assertThat(store().list()).isEmpty();
    assertThat(home.resolve("keys")).doesNotExist();
  }

  @Test
  void foreignFileInKeysDirectoryIsNamed() throws IOException {
    store().createHotkey(KeyName.of("a"));
    Files.writeString(home.resolve("keys/Notes.json"), "{}");
    assertRefused(
        () -> store().list(),
        Reason.CORRUPTED,
        home.resolve("keys/Notes.json") + ": file name is not a key name");
  }

  @Test
  void hotkeyReadableByOthersIsRefused() throws IOException {
    StoredKey key = store().createHotkey(KeyName.of("a"));
    Files.setPosixFilePermissions(key.file(), PosixFilePermissions.fromString("rw-r--r--"));
    assertRefused(
        () -> store().loadHotkey(KeyName.of("a")),
        Reason.INSECURE_PERMISSIONS,
        key.file() + ": hotkey file is accessible by other users (expected: mode 0600");
  }

  /** Issue 16 item 6: a 0777 (or any group/other-accessible) keys/ directory is refused. */
  @Test
  void aKeyDirectoryOthersCanEnterIsRefusedAtLoadNamingTheFix() throws IOException {
    store().createHotkey(KeyName.of("a"));
    store().createColdkey(KeyName.of("owner"), "pw".toCharArray(), FAST);
    Path dir = home.resolve("keys");
    for (String mode : List.of("rwxrwxrwx", "rwxr-x---", "rwx-----x")) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(mode));
      String expected =
          dir
              + ": key directory is accessible by other users (expected: mode 0700; run chmod 700 "
              + dir
              + ")";
      assertRefused(
          () -> store().loadHotkey(KeyName.of("a")), Reason.INSECURE_PERMISSIONS, expected);
      assertRefused(
          () -> store().loadColdkey(KeyName.of("owner"), "pw".toCharArray()),
          Reason.INSECURE_PERMISSIONS,
          expected);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    assertThat(store().loadHotkey(KeyName.of("a"))).isNotNull();
  }

  @Test
  void emptyPassphraseIsRefusedBeforeAnythingIsWritten() {
    assertThatThrownBy(() -> store().createColdkey(KeyName.of("owner"), new char[0], FAST))
        .hasMessage("passphrase: empty (expected: at least one character)");
    assertThat(home.resolve("keys")).doesNotExist();
  }

  @Test
  void keyNamesAreShortLowerCaseAndSafeAsFileNames() {
    assertThat(KeyName.of("miner-1_a").value()).isEqualTo("miner-1_a");
    for (String bad : List.of("", "A", "-a", "../x", "a/b", "a.json", "x".repeat(33), "é")) {
      assertThatThrownBy(() -> KeyName.of(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(expected: 1..32 characters of a-z, 0-9, '-' and '_'");
    }
    assertThat(KeyName.looksLikeName("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")).isFalse();
  }

  private void expectCorrupted(String name, Consumer<ObjectNode> change, String message)
      throws IOException {
    Path file = home.resolve("keys/" + name + ".json");
    byte[] original = Files.readAllBytes(file);
    edit(name, change);
    try {
      ThrowingCallable load =
          name.equals("c")
              ? () -> store().loadColdkey(KeyName.of(name), PASSPHRASE)
              : () -> store().loadHotkey(KeyName.of(name));
      assertRefused(load, Reason.CORRUPTED, message);
      assertRefused(() -> store().get(KeyName.of(name)), Reason.CORRUPTED, message);
    } finally {
      Files.write(file, original);
    }
  }

  private static void assertRefused(ThrowingCallable call, Reason reason, String messagePart) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KeyStoreException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains(messagePart).doesNotContain("\n");
            });
  }

  private JsonNode read(String name) throws IOException {
    return Json.parse(
        Files.readAllBytes(home.resolve("keys/" + name + ".json")), name, JsonLimits.UNTRUSTED);
  }

  private void edit(String name, Consumer<ObjectNode> change) throws IOException {
    ObjectNode root = (ObjectNode) read(name);
    change.accept(root);
    Files.writeString(home.resolve("keys/" + name + ".json"), root.toString());
  }
}
