package io.aurelius.core.protocol.btauth;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.crypto.sr25519.DeriveJunction;
import io.aurelius.core.crypto.sr25519.Ed25519Hdkd;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.ManualProtocolClock;
import io.aurelius.core.testing.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;

/** The guide's fixtures: //Alice (both schemes) and //Bob of the dev phrase, and the vector. */
final class BtAuthFixtures {
  static final String DEV_MINI_SECRET =
      "fac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e";
  static final long NONCE = 1_752_076_800_000_000_000L;
  static final String METHOD = "POST";
  static final String TARGET = "/generate?stream=false";
  static final byte[] BODY = "{\"prompt\": \"hello\"}".getBytes(StandardCharsets.UTF_8);

  static final Sr25519KeyPair ALICE_SR = sr("//Alice");
  static final Sr25519KeyPair BOB_SR = sr("//Bob");
  static final Ed25519KeyPair ALICE_ED =
      Ed25519KeyPair.fromSeed(
          Ed25519Hdkd.derive(
              HexFormat.of().parseHex(DEV_MINI_SECRET), DeriveJunction.parsePath("//Alice")));

  static final String ALICE_SR_SS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  static final String ALICE_ED_SS58 = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
  static final String BOB_SS58 = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

  private static JsonNode vectors;

  private BtAuthFixtures() {}

  private static Sr25519KeyPair sr(String path) {
    return Sr25519KeyPair.fromMiniSecret(HexFormat.of().parseHex(DEV_MINI_SECRET)).derive(path);
  }

  /** {@code testdata/bittensor/vectors.json}, group {@code btauth1}. */
  static synchronized JsonNode vectors() {
    if (vectors == null) {
      try {
        byte[] bytes = Files.readAllBytes(TestData.path("bittensor", "vectors.json"));
        vectors =
            Json.parse(bytes, "vectors.json", new JsonLimits(1 << 20, 16, 4096)).get("btauth1");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return vectors;
  }

  /** A fresh nonce source whose first nonce is {@code nonce}: for pinned vectors. */
  static NonceSource firstNonce(long nonce) {
    return new NonceSource(new ManualProtocolClock(nonce));
  }
}
