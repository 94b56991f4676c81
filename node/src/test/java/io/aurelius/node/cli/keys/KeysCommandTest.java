package io.aurelius.node.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.identity.OpenSshPublicKey;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {
  /** Low scrypt cost for speed; the default (2^15) is what users get. */
  private static final String FAST = "--Xscrypt-log-n=10";

  private static final Pattern KEY_ID = Pattern.compile("key id: +(\\S+)");

  @TempDir Path work;

  private Path home() {
    return work.resolve("home");
  }

  private CommandRunner.Result run(String... args) {
    return run(Map.of(), args);
  }

  private CommandRunner.Result run(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("AURELIUS_HOME", home().toString());
    return new CommandRunner(all, work).run(args);
  }

  private static String keyIdIn(CommandRunner.Result r) {
    Matcher m = KEY_ID.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  @Test
  void everyKeysCommandHasHelp() {
    for (String[] args :
        new String[][] {
          {"keys", "--help"},
          {"keys", "new", "--help"},
          {"keys", "import", "--help"},
          {"keys", "regen", "--help"},
          {"keys", "list", "--help"},
          {"keys", "show", "--help"},
          {"keys", "check", "--help"},
          {"keys", "export-ssh", "--help"}
        }) {
      CommandRunner.Result r = run(args);
      assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(r.out())
          .startsWith("Usage: aurelius " + String.join(" ", args).replace(" --help", ""));
    }
    assertThat(run("--help").out()).contains("keys");
    assertThat(run("keys").out()).contains("export-ssh");
    assertThat(run().out()).startsWith("Usage: aurelius").contains("keys");
  }

  @Test
  void newHotkeyIsListedShownAndExported() throws IOException {
    CommandRunner.Result created =
        run("keys", "new", "--legacy", "--kind", "hotkey", "--name", "validator");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).startsWith("created hotkey 'validator'");
    String keyId = keyIdIn(created);
    Ed25519PublicKey publicKey = KeyId.parse(keyId).ed25519();
    Path file = home().resolve("keys/validator.json");
    assertThat(created.out()).contains("file:        " + file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    CommandRunner.Result list = run("keys", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out())
        .isEqualTo(
            "NAME       KIND     SCHEME   SS58\n" + "validator  hotkey   ed25519  " + keyId + "\n");

    OpenSshPublicKey ssh = OpenSshPublicKey.of(publicKey);
    for (String ref : new String[] {"validator", keyId}) {
      CommandRunner.Result show = run("keys", "show", ref);
      assertThat(show.exitCode()).as(show.err()).isZero();
      assertThat(show.out())
          .contains(
              "kind:        hotkey",
              "key id:      " + keyId,
              "public key:  " + publicKey.hex(),
              "ssh:         " + ssh.line(keyId),
              "fingerprint: " + ssh.fingerprint());
    }

    assertThat(run("keys", "export-ssh", "validator").out()).isEqualTo(ssh.line(keyId) + "\n");
    assertThat(run("keys", "export-ssh", keyId, "--principal", "node@example.org").out())
        .isEqualTo("node@example.org " + ssh.keyText() + "\n");
    CommandRunner.Result check = run("keys", "check", "validator");
    assertThat(check.exitCode()).isZero();
    assertThat(check.out())
        .isEqualTo("ok: hotkey 'validator' " + keyId + " loads and matches its public key\n");
  }

  @Test
  void coldkeyTakesItsPassphraseFromEnvironmentOrFile() throws IOException {
    CommandRunner.Result fromEnv =
        run(
            Map.of("AURELIUS_PASSPHRASE", "s3cret phrase"),
            "keys",
            "new",
            "--legacy",
            "--kind",
            "coldkey",
            "--name",
            "owner",
            FAST);
    assertThat(fromEnv.exitCode()).as(fromEnv.err()).isZero();
    assertThat(fromEnv.out()).startsWith("created coldkey 'owner'").contains("Back up the file");
    String ownerId = keyIdIn(fromEnv);
    assertThat(Files.readString(home().resolve("keys/owner.json")))
        .contains("\"kdf\" : \"scrypt\"", "\"n\" : 1024");

    Path passphraseFile = work.resolve("pass.txt");
    Files.writeString(passphraseFile, "from a file\n");
    CommandRunner.Result fromFile =
        run(
            "keys",
            "new",
            "--legacy",
            "--kind=coldkey",
            "--name=backup",
            "--passphrase-file",
            "pass.txt",
            FAST);
    assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();

    assertThat(run(Map.of("AURELIUS_PASSPHRASE", "s3cret phrase"), "keys", "check", ownerId).out())
        .startsWith("ok: coldkey 'owner' " + ownerId);
    CommandRunner.Result fileCheck =
        run("keys", "check", "backup", "--passphrase-file", passphraseFile.toString());
    assertThat(fileCheck.exitCode()).as(fileCheck.err()).isZero();
    assertThat(run("keys", "list").out())
        .isEqualTo(
            "NAME    KIND     SCHEME   SS58\n"
                + "backup  coldkey  ed25519  "
                + keyIdIn(fromFile)
                + "\n"
                + "owner   coldkey  ed25519  "
                + ownerId
                + "\n");
  }

  @Test
  void defaultScryptCostIsTheProductionOne() throws IOException {
    CommandRunner.Result r =
        run(
            Map.of("AURELIUS_PASSPHRASE", "p"),
            "keys",
            "new",
            "--legacy",
            "--kind",
            "coldkey",
            "--name",
            "c");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(home().resolve("keys/c.json")))
        .contains("\"n\" : 32768", "\"r\" : 8", "\"p\" : 1");
  }

  @Test
  void homeComesFromFlagEnvironmentOrConfigFileRelativeToWorkDir() throws IOException {
    Map<String, String> noHome = Map.of("AURELIUS_HOME", "env-home");
    assertThat(
            new CommandRunner(noHome, work)
                .run("keys", "new", "--legacy", "--name", "a")
                .exitCode())
        .isZero();
    assertThat(work.resolve("env-home/keys/a.json")).exists();
    assertThat(
            new CommandRunner(noHome, work)
                .run("keys", "new", "--legacy", "--name", "b", "--home", "flag-home")
                .exitCode())
        .isZero();
    assertThat(work.resolve("flag-home/keys/b.json")).exists();
    Files.writeString(work.resolve("aurelius.yaml"), "home: file-home\n");
    assertThat(
            new CommandRunner(Map.of(), work)
                .run("--config-file", "aurelius.yaml", "keys", "new", "--legacy", "--name", "c")
                .exitCode())
        .isZero();
    assertThat(work.resolve("file-home/keys/c.json")).exists();
  }

  @Test
  void badInputToNewIsOneLineExitTwoAndWritesNothing() throws IOException {
    Path pass = work.resolve("empty.txt");
    Files.writeString(pass, "\n");
    Path notUtf8 = work.resolve("latin1.txt");
    Files.write(notUtf8, new byte[] {(byte) 0xe9, 'a'});
    Path twoLines = work.resolve("two.txt");
    Files.writeString(twoLines, "a\nb\n");
    expectBadInput(
        Map.of(),
        "--name: missing (expected: a key name, e.g. --name validator)",
        "keys",
        "new",
        "--legacy");
    expectBadInput(
        Map.of(),
        "key name 'Validator' (expected: 1..32 characters of a-z, 0-9, '-' and '_'",
        "keys",
        "new",
        "--legacy",
        "--name",
        "Validator");
    expectBadInput(Map.of(), "key name '../x'", "keys", "new", "--legacy", "--name", "../x");
    expectBadInput(
        Map.of(),
        "--kind: key kind 'warm' (expected one of: hotkey, coldkey)",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "warm");
    expectBadInput(
        Map.of(),
        "coldkey passphrase: none given (expected: --passphrase-file FILE, "
            + "the AURELIUS_PASSPHRASE environment variable, or a terminal to type it on)",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "coldkey",
        FAST);
    expectBadInput(
        Map.of("AURELIUS_PASSPHRASE", ""),
        "AURELIUS_PASSPHRASE: empty (expected: a passphrase of at least one character)",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "coldkey",
        FAST);
    expectBadInput(
        Map.of(),
        pass + ": passphrase: empty",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "coldkey",
        "--passphrase-file",
        pass.toString(),
        FAST);
    expectBadInput(
        Map.of(),
        notUtf8 + ": passphrase file is not UTF-8",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "coldkey",
        "--passphrase-file",
        notUtf8.toString(),
        FAST);
    expectBadInput(
        Map.of(),
        twoLines + ": passphrase file has more than one line",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "coldkey",
        "--passphrase-file",
        twoLines.toString(),
        FAST);
    expectBadInput(
        Map.of(),
        work.resolve("missing.txt") + ": passphrase file not found",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "coldkey",
        "--passphrase-file",
        "missing.txt",
        FAST);
    expectBadInput(
        Map.of("AURELIUS_PASSPHRASE", "p"),
        "--Xscrypt-log-n: scrypt log2(n): 30 (expected: 10..20)",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "coldkey",
        "--Xscrypt-log-n",
        "30");
    assertThat(home()).doesNotExist();
  }

  @Test
  void existingKeyIsNeverOverwritten() throws IOException {
    assertThat(run("keys", "new", "--legacy", "--name", "a").exitCode()).isZero();
    Map<String, String> before = snapshot();
    expectBadInput(
        Map.of(),
        "key 'a' already exists at "
            + home().resolve("keys/a.json")
            + " (expected: a new name; keys are never overwritten)",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a");
    expectBadInput(
        Map.of("AURELIUS_PASSPHRASE", "p"),
        "key 'a' already exists",
        "keys",
        "new",
        "--legacy",
        "--name",
        "a",
        "--kind",
        "coldkey",
        FAST);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void unknownNameMalformedKeyIdAndBadPrincipalAreBadInput() throws IOException {
    assertThat(run("keys", "new", "--legacy", "--name", "a").exitCode()).isZero();
    String id = keyIdIn(run("keys", "show", "a"));
    String typo = id.substring(0, 20) + (id.charAt(20) == 'x' ? 'y' : 'x') + id.substring(21);
    Map<String, String> before = snapshot();
    for (String command : new String[] {"show", "check", "export-ssh"}) {
      expectBadInput(
          Map.of(),
          "key 'nobody': no such key in " + home().resolve("keys"),
          "keys",
          command,
          "nobody");
      expectBadInput(
          Map.of(),
          "key id '" + typo + "': checksum mismatch (expected: a correctly typed address)",
          "keys",
          command,
          typo);
      expectBadInput(Map.of(), "key name 'Bad!'", "keys", command, "Bad!");
    }
    String stranger =
        KeyId.of(
                Ed25519PublicKey.fromHex(
                    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"))
            .address();
    expectBadInput(Map.of(), "key id " + stranger + ": no such key in", "keys", "show", stranger);
    expectBadInput(
        Map.of(),
        "--principal: principal 'a b' (expected:",
        "keys",
        "export-ssh",
        "a",
        "--principal",
        "a b");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void wrongPassphraseIsBadInput() throws IOException {
    assertThat(
            run(
                    Map.of("AURELIUS_PASSPHRASE", "right"),
                    "keys",
                    "new",
                    "--legacy",
                    "--name",
                    "owner",
                    "--kind",
                    "coldkey",
                    FAST)
                .exitCode())
        .isZero();
    Map<String, String> before = snapshot();
    expectBadInput(
        Map.of("AURELIUS_PASSPHRASE", "wrong"),
        home().resolve("keys/owner.json")
            + ": wrong passphrase or corrupted key file (the coldkey did not decrypt)",
        "keys",
        "check",
        "owner");
    expectBadInput(Map.of(), "coldkey passphrase: none given", "keys", "check", "owner");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void corruptedOrInsecureFilesAreBadInputNamingTheFile() throws IOException {
    assertThat(run("keys", "new", "--legacy", "--name", "a").exitCode()).isZero();
    Path file = home().resolve("keys/a.json");
    String original = Files.readString(file);
    Files.writeString(file, original.substring(0, original.length() / 2));
    for (String[] args :
        new String[][] {
          {"keys", "list"},
          {"keys", "show", "a"},
          {"keys", "check", "a"},
          {"keys", "export-ssh", "a"}
        }) {
      expectBadInput(Map.of(), file + ": malformed JSON at line", args);
    }
    Files.writeString(file, original.replace("aurelius.key/1", "aurelius.key/9"));
    expectBadInput(
        Map.of(),
        file + ": format \"aurelius.key/9\" (expected: \"aurelius.key/1\")",
        "keys",
        "show",
        "a");
    Files.writeString(file, original);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(run("keys", "show", "a").exitCode()).isZero();
    expectBadInput(
        Map.of(),
        file
            + ": hotkey file is accessible by other users (expected: mode 0600; run chmod 600 on it)",
        "keys",
        "check",
        "a");
  }

  @Test
  void emptyStoreListsNothingAndCreatesNothing() {
    CommandRunner.Result r = run("keys", "list");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("no keys in " + home().resolve("wallets") + " or " + home().resolve("keys"));
    assertThat(home()).doesNotExist();
  }

  private void expectBadInput(Map<String, String> env, String message, String... args) {
    CommandRunner.Result r = run(env, args);
    assertThat(r.exitCode())
        .as("%s: %s", String.join(" ", args), r.err())
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
    assertThat(r.err()).startsWith("error: ").contains(message);
    assertThat(r.out()).isEmpty();
  }

  /** Every file under the home directory with its content and mode. */
  private Map<String, String> snapshot() throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(home())) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(home())) {
      for (Path p : paths.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        files.put(
            home().relativize(p).toString(),
            mode
                + (Files.isRegularFile(p)
                    ? " " + new String(Files.readAllBytes(p), StandardCharsets.UTF_8)
                    : ""));
      }
    }
    return files;
  }
}
