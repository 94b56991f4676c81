package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.testing.InteropPeer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A devnet node's keys are a stock Bittensor wallet in its home: the SDK (bittensor-wallet, through
 * interop/wallet_peer.py) loads its hotkey and coldkey with the addresses the node uses on the
 * chain and the wire, and signs as the node, sr25519, with signatures the node's verifier accepts.
 */
class DevnetWalletsIT {
  private static InteropPeer peer;

  @TempDir static Path scratch;
  @TempDir Path work;

  @BeforeAll
  static void findThePeer() throws IOException {
    peer = InteropPeer.open("wallet_peer.py", "bittensor-wallet", scratch);
  }

  @Test
  void theSdkSignsAsADevnetNodeWithItsWallet() {
    DevnetHome home = DevnetHome.prepare(work.resolve("devnet"));
    Signer hotkey = home.newHotkey("validator-1");
    Signer coldkey = home.newColdkey("validator-1");
    Path wallets = home.nodeHome("validator-1").resolve(DevnetHome.WALLETS);
    byte[] message = "a devnet node signs".getBytes(StandardCharsets.UTF_8);

    for (boolean cold : new boolean[] {false, true}) {
      Signer node = cold ? coldkey : hotkey;
      String request =
          "{\"message_hex\": \""
              + HexFormat.of().formatHex(message)
              + "\", \"coldkey\": "
              + cold
              + ", \"password\": null}";
      InteropPeer.Result result =
          peer.run(request, "sign", wallets.toString(), "validator-1", DevnetHome.HOTKEY);
      assertThat(result.exit()).as(result.stderr()).isZero();
      JsonNode signed = Json.parse(result.stdout(), "wallet_peer.py output", JsonLimits.UNTRUSTED);
      assertThat(signed.get("ss58").asText()).isEqualTo(KeyId.of(node.publicKey()).address());
      assertThat(signed.get("crypto_type").asInt()).isEqualTo(KeyScheme.SR25519.wireId());
      byte[] signature = HexFormat.of().parseHex(signed.get("signature_hex").asText());
      assertThat(KeyScheme.SR25519.verifier().verify(node.publicKey(), message, signature))
          .isTrue();
    }
  }
}
