package io.aurelius.core.protocol.btauth;

import static io.aurelius.core.protocol.btauth.BtAuthFixtures.BOB_SS58;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.crypto.sr25519.DeriveJunction;
import io.aurelius.core.crypto.sr25519.Ed25519Hdkd;
import io.aurelius.core.identity.wallet.AccountId;
import io.aurelius.core.protocol.ManualProtocolClock;
import io.aurelius.core.protocol.ProtocolClock;
import io.aurelius.core.protocol.btauth.BtAuthResult.Accepted;
import io.aurelius.core.protocol.btauth.BtAuthResult.Refused;
import io.aurelius.core.testing.InteropPeer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our btauth/1 against the Bittensor SDK's {@code bittensor.http_auth} (the {@code bittensor}
 * version pinned in {@code interop/requirements.txt}), driven through {@code
 * interop/btauth_peer.py} with the interpreter of {@code .venv-interop/} ({@code .ci/setup}). For
 * sr25519 and ed25519 senders: requests the SDK signs are accepted by {@link BtAuthVerifier};
 * requests {@link BtAuthSigner} signs are accepted by {@code http_auth.verify}; tampered, replayed
 * or misaddressed ones are refused by both, under the same error names.
 *
 * <p>Keys are development URIs with random junctions, bodies and targets random, from one seed per
 * run that every assertion names; {@code -Daurelius.interop.seed=N} replays a run. No environment
 * is a failure, not a skip: CI runs setup first.
 */
class BtAuthInteropIT {
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final long SEED =
      Long.getLong("aurelius.interop.seed", new SecureRandom().nextLong());
  private static final long BASE = 1_800_000_000_000_000_000L;
  private static final List<String> TARGETS =
      List.of(
          "/aurelius/v1/scenario_config",
          "/generate?stream=false",
          "/a%20b?q=1&r=%2F%3F",
          "/",
          "/v1/x?");

  private static InteropPeer peer;

  @TempDir static Path tmp;

  /** A sender as both sides know it: its URI and scheme for the peer, our signer. */
  private record Sender(String uri, KeyScheme scheme, Signer signer, String ss58) {
    ObjectNode fields() {
      return JSON.objectNode().put("uri", uri).put("crypto", scheme.wireName());
    }
  }

  @BeforeAll
  static void findThePeer() throws IOException {
    peer = InteropPeer.open("btauth_peer.py", "bittensor", tmp);
  }

  @Test
  void theGoldenEd25519RequestIsTheSameOnBothSides() {
    ObjectNode sign =
        signRequest(
            JSON.objectNode().put("uri", "//Alice").put("crypto", "ed25519"),
            "POST",
            BtAuthFixtures.TARGET,
            BtAuthFixtures.BODY,
            BOB_SS58,
            BtAuthFixtures.NONCE);
    Map<String, String> theirs = headers(batch(array(sign)).get(0).get("headers"));
    Map<String, String> ours =
        new BtAuthSigner(BtAuthFixtures.ALICE_ED, BtAuthFixtures.firstNonce(BtAuthFixtures.NONCE))
            .sign("POST", BtAuthFixtures.TARGET, BtAuthFixtures.BODY, BOB_SS58)
            .asMap();
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void theSdksRequestsAreAcceptedHereAndTamperedOnesRefused() {
    Random random = new Random(SEED);
    List<Sender> senders = senders(random);
    ArrayNode requests = JSON.arrayNode();
    List<byte[]> bodies = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < senders.size(); i++) {
      bodies.add(randomBody(random));
      targets.add(TARGETS.get(random.nextInt(TARGETS.size())));
      requests.add(
          signRequest(
              senders.get(i).fields(), "POST", targets.get(i), bodies.get(i), BOB_SS58, BASE + i));
    }
    // One unbound request and one with a live nonce (the SDK's time.time_ns()).
    requests.add(signRequest(senders.get(0).fields(), "POST", "/x", new byte[0], null, BASE + 100));
    requests.add(
        signRequest(senders.get(1).fields(), "GET", "/health", new byte[0], BOB_SS58, null));
    List<JsonNode> answers = batch(requests);

    BtAuthVerifier verifier =
        BtAuthVerifier.withDefaults(BOB_SS58, pins(senders), new ManualProtocolClock(BASE + 1_000));
    for (int i = 0; i < senders.size(); i++) {
      Sender sender = senders.get(i);
      Map<String, String> headers = headers(answers.get(i).get("headers"));
      byte[] body = bodies.get(i);
      String target = targets.get(i);
      String label = seeded(sender.scheme() + " " + sender.uri() + " " + target);
      assertThat(headers.get("X-Bittensor-Hotkey")).as(label).isEqualTo(sender.ss58());
      byte[] tampered = body.clone();
      tampered[random.nextInt(tampered.length)] ^= 1;
      assertRefused(
          verifier.verify(lookup(headers), "POST", target, tampered), "BadSignature", label);
      assertRefused(verifier.verify(lookup(headers), "PUT", target, body), "BadSignature", label);
      assertRefused(
          verifier.verify(lookup(headers), "POST", target + "#", body), "BadSignature", label);
      assertThat(verifier.verify(lookup(headers), "POST", target, body))
          .as(label)
          .isEqualTo(new Accepted(sender.ss58(), sender.scheme(), BASE + i));
      assertRefused(
          verifier.verify(lookup(headers), "POST", target, body), "ReplayedRequest", label);
    }
    Map<String, String> unbound = headers(answers.get(senders.size()).get("headers"));
    assertRefused(
        verifier.verify(lookup(unbound), "POST", "/x", new byte[0]), "WrongReceiver", "unbound");
    Map<String, String> live = headers(answers.get(senders.size() + 1).get("headers"));
    BtAuthVerifier now = BtAuthVerifier.withDefaults(BOB_SS58, pins(senders), ProtocolClock.SYSTEM);
    assertThat(now.verify(lookup(live), "GET", "/health", new byte[0]))
        .as(seeded("live nonce"))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void ourRequestsAreAcceptedByTheSdkAndTamperedOnesRefused() {
    Random random = new Random(SEED + 1);
    List<Sender> senders = senders(random);
    ArrayNode requests = JSON.arrayNode();
    List<String> labels = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < senders.size(); i++) {
      Sender sender = senders.get(i);
      byte[] body = randomBody(random);
      String target = TARGETS.get(random.nextInt(TARGETS.size()));
      BtAuthHeaders signed =
          new BtAuthSigner(sender.signer(), new NonceSource(new ManualProtocolClock(BASE + i)))
              .sign("POST", target, body, BOB_SS58);
      ObjectNode headers = JSON.objectNode();
      signed.asMap().forEach(headers::put);
      String label = seeded(sender.scheme() + " " + sender.uri() + " " + target);
      byte[] tampered = body.clone();
      tampered[random.nextInt(tampered.length)] ^= 1;
      String store = "s" + i;
      requests.add(verifyRequest(headers, "POST", target, body, BOB_SS58, store));
      expected.add("ok " + sender.ss58() + " " + sender.scheme().wireName());
      requests.add(verifyRequest(headers, "POST", target, body, BOB_SS58, store));
      expected.add("ReplayedRequest");
      requests.add(verifyRequest(headers, "POST", target, tampered, BOB_SS58, null));
      expected.add("BadSignature");
      requests.add(verifyRequest(headers, "DELETE", target, body, BOB_SS58, null));
      expected.add("BadSignature");
      requests.add(verifyRequest(headers, "POST", target + "&z", body, BOB_SS58, null));
      expected.add("BadSignature");
      requests.add(verifyRequest(headers, "POST", target, body, sender.ss58(), null));
      expected.add("WrongReceiver");
      for (int k = 0; k < 6; k++) {
        labels.add(label + " check " + k);
      }
    }
    List<JsonNode> answers = batch(requests);
    for (int i = 0; i < answers.size(); i++) {
      JsonNode a = answers.get(i);
      String got =
          a.get("ok").asBoolean()
              ? "ok " + a.get("hotkey").asText() + " " + a.get("crypto").asText()
              : a.get("error").asText();
      assertThat(got).as(labels.get(i) + ": " + a).isEqualTo(expected.get(i));
    }
  }

  // --- helpers ---

  /** Four sr25519 and four ed25519 senders from random development junctions. */
  private static List<Sender> senders(Random random) {
    byte[] dev = HEX.parseHex(BtAuthFixtures.DEV_MINI_SECRET);
    List<Sender> senders = new ArrayList<>();
    ArrayNode asks = JSON.arrayNode();
    for (int i = 0; i < 8; i++) {
      String uri = "//btauth-" + Long.toUnsignedString(random.nextLong(), 36);
      KeyScheme scheme = i % 2 == 0 ? KeyScheme.SR25519 : KeyScheme.ED25519;
      Signer signer =
          scheme == KeyScheme.SR25519
              ? Sr25519KeyPair.fromMiniSecret(dev).derive(uri)
              : Ed25519KeyPair.fromSeed(Ed25519Hdkd.derive(dev, DeriveJunction.parsePath(uri)));
      String ss58 = AccountId.of(signer.publicKey().bytes()).ss58Address();
      Sender sender = new Sender(uri, scheme, signer, ss58);
      senders.add(sender);
      asks.add(sender.fields().put("op", "address"));
    }
    List<JsonNode> addresses = batch(asks);
    for (int i = 0; i < senders.size(); i++) {
      assertThat(addresses.get(i).get("ss58").asText())
          .as(seeded(senders.get(i).scheme() + " " + senders.get(i).uri()))
          .isEqualTo(senders.get(i).ss58());
    }
    return senders;
  }

  private static SchemePins pins(List<Sender> senders) {
    Map<String, KeyScheme> pins = new HashMap<>();
    senders.forEach(s -> pins.put(s.ss58(), s.scheme()));
    return SchemePins.of(pins);
  }

  private static byte[] randomBody(Random random) {
    byte[] body = new byte[1 + random.nextInt(300)];
    random.nextBytes(body);
    return body;
  }

  private static ObjectNode signRequest(
      ObjectNode key, String method, String target, byte[] body, String receiver, Long nonce) {
    ObjectNode r = key.deepCopy().put("op", "sign").put("method", method).put("path", target);
    r.put("body_hex", HEX.formatHex(body));
    r.put("receiver", receiver);
    r.put("nonce_ns", nonce == null ? null : Long.toString(nonce));
    return r;
  }

  private static ObjectNode verifyRequest(
      ObjectNode headers, String method, String target, byte[] body, String self, String store) {
    ObjectNode r = JSON.objectNode().put("op", "verify").put("method", method).put("path", target);
    r.set("headers", headers);
    r.put("body_hex", HEX.formatHex(body));
    r.put("self", self);
    r.put("now_ns", Long.toString(BASE + 1_000_000));
    r.put("store", store);
    return r;
  }

  private static Map<String, String> headers(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static io.aurelius.core.protocol.HeaderLookup lookup(Map<String, String> headers) {
    return BtAuthHeaders.lookup(headers);
  }

  private static void assertRefused(BtAuthResult result, String name, String label) {
    assertThat(result).as(label).isInstanceOf(Refused.class);
    assertThat(((Refused) result).reason().wireName()).as(label + ": " + result).isEqualTo(name);
  }

  private static ArrayNode array(ObjectNode... requests) {
    ArrayNode a = JSON.arrayNode();
    for (ObjectNode r : requests) {
      a.add(r);
    }
    return a;
  }

  private static String seeded(String what) {
    return what + " (seed " + SEED + "; replay with -Daurelius.interop.seed=" + SEED + ")";
  }

  private static List<JsonNode> batch(ArrayNode requests) {
    return peer.batch(requests, seeded(""));
  }
}
