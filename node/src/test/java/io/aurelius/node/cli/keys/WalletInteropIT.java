package io.aurelius.node.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.InteropPeer;
import io.aurelius.node.cli.CliContext;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.node.cli.HomeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Wallets cross the SDK boundary both ways (interop/wallet_peer.py, bittensor-wallet 4.1.1 in
 * .venv-interop/): wallets the SDK made (sr25519 and ed25519 hotkeys, an encrypted sr25519 coldkey)
 * load here, through the CLI's classes, with the SDK's SS58 addresses; wallets {@code aurelius keys
 * new} wrote load in the SDK with ours; and each side verifies the other's signatures. Opening a
 * $NACL coldkey costs about 5 s on each side.
 */
class WalletInteropIT {
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SS58 = Pattern.compile("ss58: +(\\S+)");

  private static InteropPeer peer;

  @TempDir static Path scratch;
  @TempDir Path work;

  @BeforeAll
  static void findThePeer() throws IOException {
    peer = InteropPeer.open("wallet_peer.py", "bittensor-wallet", scratch);
  }

  @Test
  void sdkWalletsLoadHereWithTheirAddressesAndSignaturesVerifyBothWays() {
    Path wallets = work.resolve("sdk-wallets");
    JsonNode created = call(obj().put("password", "sdk pass"), "create", wallets.toString());

    for (String hotkey : new String[] {"sr", "ed"}) {
      WalletOptions options = new WalletOptions();
      new CommandLine(options)
          .parseArgs(
              "--wallet.path",
              wallets.toString(),
              "--wallet.name",
              "py",
              "--wallet.hotkey",
              hotkey);
      Signer signer = options.hotkeySigner(context(Map.of()));
      assertThat(signer.scheme())
          .isEqualTo(hotkey.equals("sr") ? KeyScheme.SR25519 : KeyScheme.ED25519);
      assertThat(ss58(signer)).as(hotkey).isEqualTo(created.get(hotkey).asText());
      crossVerify(signer, wallets, "py", hotkey, obj());
    }

    Map<String, String> env = Map.of("AURELIUS_PASSPHRASE", "sdk pass");
    CommandRunner.Result imported =
        cli(
            Map.of("AURELIUS_WALLET_PATH", wallets.toString()),
            "keys",
            "import",
            "--wallet",
            "py",
            "--hotkey",
            "sr",
            "--coldkey");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    String coldkey = created.get("coldkey").asText();
    assertThat(cli(Map.of(), "keys", "list").out())
        .contains(
            "py     coldkey  sr25519  " + coldkey,
            "py/sr  hotkey   sr25519  " + created.get("sr").asText());
    CommandRunner.Result check = cli(env, "keys", "check", "py");
    assertThat(check.out()).as(check.err()).startsWith("ok: coldkey 'py' (sr25519) " + coldkey);

    Signer cold =
        SigningKeys.coldkeySigner(home(), context(env), "--coldkey", "py", new PassphraseOptions());
    assertThat(ss58(cold)).isEqualTo(coldkey);
    crossVerify(cold, wallets, "py", "sr", obj().put("coldkey", true).put("password", "sdk pass"));

    CommandRunner.Result wrong =
        cli(Map.of("AURELIUS_PASSPHRASE", "not it"), "keys", "check", "py");
    assertThat(wrong.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(wrong.err().strip().lines()).hasSize(1);
    assertThat(wrong.err()).doesNotContain("not it", "sdk pass");
  }

  @Test
  void walletsTheCliWroteLoadInTheSdkWithTheSameAddresses() {
    Map<String, String> env = Map.of("AURELIUS_PASSPHRASE", "our pass");
    String sr = ss58In(cli(Map.of(), "keys", "new", "--name", "ours/sr"));
    String ed = ss58In(cli(Map.of(), "keys", "new", "--name", "ours/ed", "--scheme", "ed25519"));
    String cold = ss58In(cli(env, "keys", "new", "--kind", "coldkey", "--name", "ours"));
    Path wallets = work.resolve("home/wallets");

    Map<String, String> expected = Map.of("sr", sr, "ed", ed);
    for (String hotkey : expected.keySet()) {
      Signer signer =
          SigningKeys.hotkeySigner(home(), context(Map.of()), "--hotkey", "ours/" + hotkey);
      assertThat(ss58(signer)).isEqualTo(expected.get(hotkey));
      JsonNode signed = crossVerify(signer, wallets, "ours", hotkey, obj());
      assertThat(signed.get("crypto_type").asInt()).isEqualTo(hotkey.equals("sr") ? 1 : 0);
    }
    Signer coldSigner =
        SigningKeys.coldkeySigner(
            home(), context(env), "--coldkey", "ours", new PassphraseOptions());
    assertThat(ss58(coldSigner)).isEqualTo(cold);
    crossVerify(
        coldSigner, wallets, "ours", "sr", obj().put("coldkey", true).put("password", "our pass"));
  }

  /**
   * Our signature verifies in the SDK; the SDK's signature (made from the wallet's files) verifies
   * here and names the same address. Returns the SDK's answer.
   */
  private JsonNode crossVerify(
      Signer signer, Path wallets, String wallet, String hotkey, ObjectNode signRequest) {
    byte[] message = new byte[1 + RANDOM.nextInt(200)];
    RANDOM.nextBytes(message);
    int cryptoType = signer.scheme() == KeyScheme.SR25519 ? 1 : 0;
    JsonNode verdict =
        call(
            obj()
                .put("ss58", ss58(signer))
                .put("crypto_type", cryptoType)
                .put("message_hex", HEX.formatHex(message))
                .put("signature_hex", HEX.formatHex(signer.sign(message))),
            "verify");
    assertThat(verdict.get("valid").asBoolean()).as("SDK verifies our signature").isTrue();

    JsonNode signed =
        call(
            signRequest.put("message_hex", HEX.formatHex(message)),
            "sign",
            wallets.toString(),
            wallet,
            hotkey);
    assertThat(signed.get("ss58").asText()).isEqualTo(ss58(signer));
    byte[] signature = HEX.parseHex(signed.get("signature_hex").asText());
    assertThat(signer.scheme().verifier().verify(signer.publicKey(), message, signature))
        .as("we verify the SDK's signature")
        .isTrue();
    message[0] ^= 1;
    assertThat(signer.scheme().verifier().verify(signer.publicKey(), message, signature)).isFalse();
    return signed;
  }

  private JsonNode call(ObjectNode request, String... args) {
    InteropPeer.Result result = peer.run(request.toString(), args);
    assertThat(result.exit()).as("wallet_peer.py %s: %s", args[0], result.stderr()).isZero();
    return Json.parse(result.stdout(), "wallet_peer.py output", JsonLimits.UNTRUSTED);
  }

  private CommandRunner.Result cli(Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("AURELIUS_HOME", work.resolve("home").toString());
    return new CommandRunner(all, work).run(args);
  }

  private static String ss58In(CommandRunner.Result r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
    Matcher m = SS58.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    return m.group(1);
  }

  private HomeOptions home() {
    HomeOptions options = new HomeOptions();
    new CommandLine(options).parseArgs("--home", work.resolve("home").toString());
    return options;
  }

  private CliContext context(Map<String, String> env) {
    return new CliContext(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env, work);
  }

  private static String ss58(Signer signer) {
    return AccountId.of(signer.publicKey().bytes()).ss58Address();
  }

  private static ObjectNode obj() {
    return Json.newObject();
  }
}
