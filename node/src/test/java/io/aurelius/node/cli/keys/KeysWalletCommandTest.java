package io.aurelius.node.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import io.aurelius.node.cli.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code keys new/regen/import/list/show/check} on Bittensor wallets. Coldkeys are sealed with the
 * SDK's real Argon2i cost (about 5 s each), so only one test makes one.
 */
class KeysWalletCommandTest {
  private static final Pattern SS58 = Pattern.compile("ss58: +(\\S+)");
  private static final Pattern MNEMONIC = Pattern.compile("mnemonic: +([a-z ]+)\\n");

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

  private static String group(Pattern pattern, CommandRunner.Result r) {
    Matcher m = pattern.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  private CliContext context(Map<String, String> env) {
    return new CliContext(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env, work);
  }

  private HomeOptions homeOptions() {
    HomeOptions options = new HomeOptions();
    new CommandLine(options).parseArgs("--home", home().toString());
    return options;
  }

  @Test
  void newHotkeyIsAnSr25519WalletHotkeyThatSignsAndRegenerates() throws IOException {
    CommandRunner.Result created = run("keys", "new", "--name", "miner/hot");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).startsWith("created hotkey 'miner/hot' (sr25519)\n");
    String ss58 = group(SS58, created);
    String mnemonic = group(MNEMONIC, created);
    assertThat(mnemonic.split(" ")).hasSize(12);
    Path file = home().resolve("wallets/miner/hotkeys/hot");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file))
        .contains(
            "\"secretPhrase\":\"" + mnemonic + "\"",
            "\"ss58Address\":\"" + ss58 + "\"",
            "\"cryptoType\":1");
    assertThat(home().resolve("wallets/miner/hotkeys/hotpub.txt")).exists();

    Signer signer =
        SigningKeys.hotkeySigner(homeOptions(), context(Map.of()), "--hotkey", "miner/hot");
    assertThat(signer.scheme()).isEqualTo(KeyScheme.SR25519);
    assertThat(AccountId.of(signer.publicKey().bytes()).ss58Address()).isEqualTo(ss58);
    byte[] message = "btauth/1".getBytes(StandardCharsets.UTF_8);
    assertThat(
            KeyScheme.SR25519.verifier().verify(signer.publicKey(), message, signer.sign(message)))
        .isTrue();
    assertThat(
            SigningKeys.hotkeySigner(homeOptions(), context(Map.of()), "--hotkey", ss58)
                .publicKey())
        .isEqualTo(signer.publicKey());

    Files.writeString(work.resolve("words.txt"), "  " + mnemonic.toUpperCase() + "\n");
    CommandRunner.Result regen =
        run("keys", "regen", "--mnemonic-file", "words.txt", "--name", "again");
    assertThat(regen.exitCode()).as(regen.err()).isZero();
    assertThat(regen.out()).startsWith("regenerated hotkey 'again/default' (sr25519)");
    assertThat(group(SS58, regen)).isEqualTo(ss58);
    assertThat(regen.out()).doesNotContain(mnemonic);
    CommandRunner.Result ed =
        run(
            "keys",
            "regen",
            "--mnemonic-file",
            "words.txt",
            "--name",
            "e/d",
            "--scheme",
            "ed25519");
    assertThat(ed.exitCode()).as(ed.err()).isZero();
    assertThat(group(SS58, ed)).isNotEqualTo(ss58);

    CommandRunner.Result list = run("keys", "list");
    assertThat(list.out())
        .isEqualTo(
            "NAME           KIND     SCHEME   SS58\n"
                + "again/default  hotkey   sr25519  "
                + ss58
                + "\n"
                + "e/d            hotkey   ed25519  "
                + group(SS58, ed)
                + "\n"
                + "miner/hot      hotkey   sr25519  "
                + ss58
                + "\n");
    CommandRunner.Result show = run("keys", "show", "again");
    assertThat(show.out())
        .contains("name:        again/default", "scheme:      sr25519", "ss58:        " + ss58);
    CommandRunner.Result check = run("keys", "check", "e/d");
    assertThat(check.out()).startsWith("ok: hotkey 'e/d' (ed25519) " + group(SS58, ed));
  }

  @Test
  void legacyKeysStayLoadableBesideWallets() {
    assertThat(run("keys", "new", "--legacy", "--name", "old").exitCode()).isZero();
    assertThat(run("keys", "new", "--name", "fresh", "--scheme", "ed25519").exitCode()).isZero();
    Signer legacy = SigningKeys.hotkeySigner(homeOptions(), context(Map.of()), "--hotkey", "old");
    assertThat(legacy.scheme()).isEqualTo(KeyScheme.ED25519);
    Signer fresh = SigningKeys.hotkeySigner(homeOptions(), context(Map.of()), "--hotkey", "fresh");
    assertThat(fresh.scheme()).isEqualTo(KeyScheme.ED25519);
    assertThat(run("keys", "list").out()).contains("old  ", "fresh/default");
    expectBadInput(Map.of(), "'old' is a key in", "keys", "new", "--name", "old");
  }

  @Test
  void walletOptionsWinOverTheKeyReferenceWhenGiven() {
    String inHome = group(SS58, run("keys", "new", "--name", "a/h"));
    String outside =
        group(
            SS58,
            run(
                Map.of("AURELIUS_HOME", work.resolve("other").toString()),
                "keys",
                "new",
                "--name",
                "mine/default",
                "--scheme",
                "ed25519"));
    // Bittensor's layout is the same in any folder: point --wallet.path at the other home's.
    String path = work.resolve("other/wallets").toString();
    WalletOptions unset = new WalletOptions();
    new CommandLine(unset).parseArgs("--wallet.path", path);
    WalletOptions set = new WalletOptions();
    new CommandLine(set).parseArgs("--wallet.path", path, "--wallet.name", "mine");
    assertThat(
            ss58(
                SigningKeys.hotkeySigner(
                    homeOptions(), context(Map.of()), unset, "--hotkey", "a/h")))
        .isEqualTo(inHome);
    Signer signer =
        SigningKeys.hotkeySigner(homeOptions(), context(Map.of()), set, "--hotkey", "a/h");
    assertThat(ss58(signer)).isEqualTo(outside);
    assertThat(signer.scheme()).isEqualTo(KeyScheme.ED25519);
    WalletOptions missing = new WalletOptions();
    new CommandLine(missing).parseArgs("--wallet.path", path, "--wallet.name", "nope");
    assertThatThrownBy(() -> missing.hotkeySigner(context(Map.of())))
        .isInstanceOf(UserInputException.class)
        .hasMessageStartingWith("--wallet.name: no wallet 'nope' at ");
  }

  private static String ss58(Signer signer) {
    return AccountId.of(signer.publicKey().bytes()).ss58Address();
  }

  @Test
  void coldkeyIsNaclEncryptedAndImportedWithItsHotkey() throws IOException {
    Map<String, String> pass = Map.of("AURELIUS_PASSPHRASE", "right");
    CommandRunner.Result cold = run(pass, "keys", "new", "--kind", "coldkey", "--name", "owner");
    assertThat(cold.exitCode()).as(cold.err()).isZero();
    assertThat(cold.out()).startsWith("created coldkey 'owner' (sr25519)");
    String ss58 = group(SS58, cold);
    assertThat(Files.readAllBytes(home().resolve("wallets/owner/coldkey")))
        .startsWith("$NACL".getBytes());
    assertThat(run("keys", "new", "--name", "owner/hot").exitCode()).isZero();

    Map<String, String> before = snapshot(home());
    expectBadInput(
        Map.of("AURELIUS_PASSPHRASE", "wrong"),
        home().resolve("wallets/owner/coldkey") + ": ",
        "keys",
        "check",
        "owner");
    assertThat(snapshot(home())).isEqualTo(before);

    // Import from this home's wallets into another home.
    Path other = work.resolve("other");
    CommandRunner.Result imported =
        run(
            Map.of("AURELIUS_HOME", other.toString()),
            "keys",
            "import",
            "--wallet.path",
            home().resolve("wallets").toString(),
            "--wallet",
            "owner",
            "--hotkey",
            "hot",
            "--coldkey");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("imported hotkey 'owner/hot' (sr25519)", "imported coldkey 'owner'");
    assertThat(Files.readAllBytes(other.resolve("wallets/owner/coldkey")))
        .isEqualTo(Files.readAllBytes(home().resolve("wallets/owner/coldkey")));
    HomeOptions otherHome = new HomeOptions();
    new CommandLine(otherHome).parseArgs("--home", other.toString());
    Signer signer =
        SigningKeys.coldkeySigner(
            otherHome, context(pass), "--coldkey", "owner", new PassphraseOptions());
    assertThat(AccountId.of(signer.publicKey().bytes()).ss58Address()).isEqualTo(ss58);

    Path coldkey = other.resolve("wallets/owner/coldkey");
    Files.write(coldkey, Arrays.copyOf(Files.readAllBytes(coldkey), 40));
    expectBadInput(
        Map.of("AURELIUS_HOME", other.toString(), "AURELIUS_PASSPHRASE", "right"),
        coldkey + ": ",
        "keys",
        "check",
        "owner");
  }

  @Test
  void badWalletInputIsOneLineExitTwoAndWritesNothing() throws IOException {
    assertThat(run("keys", "new", "--name", "w/h").exitCode()).isZero();
    Path wallets = home().resolve("wallets");
    Path hotkey = wallets.resolve("w/hotkeys/h");
    String original = Files.readString(hotkey);
    Path src = work.resolve("src");
    Files.createDirectories(src.resolve("w/hotkeys"));
    Map<String, String> before = snapshot(home());
    Map<String, String> elsewhere = Map.of("AURELIUS_HOME", work.resolve("other").toString());

    expectBadInput(
        Map.of(),
        "--scheme: key scheme 'rsa': unknown",
        "keys",
        "new",
        "--name",
        "x",
        "--scheme",
        "rsa");
    expectBadInput(Map.of(), "already exists", "keys", "new", "--name", "w/h");
    expectBadInput(
        Map.of(),
        "--name: 'w/h' names a hotkey",
        "keys",
        "new",
        "--kind",
        "coldkey",
        "--name",
        "w/h");
    Files.writeString(work.resolve("bad.txt"), "abandon abandon\n");
    expectBadInput(
        Map.of(),
        "--mnemonic-file: ",
        "keys",
        "regen",
        "--mnemonic-file",
        "bad.txt",
        "--name",
        "r");
    expectBadInput(
        Map.of(), "no such file", "keys", "regen", "--mnemonic-file", "none.txt", "--name", "r");
    String[] importArgs = {
      "keys", "import", "--wallet.path", src.toString(), "--wallet", "w", "--hotkey", "h"
    };
    expectBadInput(
        elsewhere,
        "no wallet 'nope'",
        "keys",
        "import",
        "--wallet.path",
        src.toString(),
        "--wallet",
        "nope");
    expectBadInput(elsewhere, src.resolve("w/hotkeys/h") + ": no such keyfile", importArgs);
    Files.writeString(src.resolve("w/hotkeys/h"), original.substring(0, 30));
    expectBadInput(elsewhere, src.resolve("w/hotkeys/h") + ": ", importArgs);
    // An ss58Address that is not the key's.
    String otherSs58 = AccountId.of(new byte[32]).ss58Address();
    String mine = original.replaceAll(".*\"ss58Address\":\"([^\"]+)\".*", "$1");
    Files.writeString(src.resolve("w/hotkeys/h"), original.replace(mine, otherSs58));
    expectBadInput(elsewhere, "ss58Address", importArgs);
    assertThat(snapshot(home())).isEqualTo(before);
    assertThat(work.resolve("other")).doesNotExist();

    // Inside the home: a truncated or tampered hotkey is refused when it is used.
    Files.writeString(hotkey, original.substring(0, original.length() - 5));
    expectBadInput(Map.of(), hotkey + ": ", "keys", "check", "w/h");
    expectBadInput(Map.of(), "key 'nobody': no such key in", "keys", "show", "nobody");
    expectBadInput(Map.of(), "no such keyfile", "keys", "check", "w/missing");
  }

  @Test
  void secretsNeverReachTheErrorStream() throws IOException {
    Files.writeString(
        work.resolve("words.txt"),
        "bottom drive obey lake curtain smoke basket hold race lonely fit walks\n");
    CommandRunner.Result r = run("keys", "regen", "--mnemonic-file", "words.txt", "--name", "r");
    assertThat(r.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(r.err()).doesNotContain("bottom", "walks");
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

  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.exists(root)) {
      return files;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.toList()) {
        files.put(
            root.relativize(p).toString(),
            Files.isRegularFile(p)
                ? new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)
                : "dir");
      }
    }
    return files;
  }
}
