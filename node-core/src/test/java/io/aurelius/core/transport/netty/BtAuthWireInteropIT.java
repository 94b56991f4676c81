package io.aurelius.core.transport.netty;

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
import io.aurelius.core.crypto.sr25519.SubstrateMnemonic;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import io.aurelius.core.testing.InteropPeer;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.Reply;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * btauth/1 over real loopback HTTP against the Bittensor SDK ({@code bittensor.http_auth}, the
 * version {@code interop/requirements.txt} pins), driven through {@code interop/btauth_http.py}
 * with the interpreter of {@code .venv-interop/} ({@code .ci/setup}):
 *
 * <ul>
 *   <li>a stock Python client (urllib, headers from {@code http_auth.sign}, sr25519 and ed25519
 *       keys) is served by a real {@link NettyProtocolServer}, and the server's signed response
 *       passes {@code http_auth.verify} with the client as receiver (so does the signed 400 for its
 *       body that is not JSON);
 *   <li>tampered, replayed, stale, misaddressed, scheme-contradicting and malformed requests get
 *       401 and the spec's error name at the start of {@code error}, an unregistered sender 403,
 *       none is signed, and none reaches the handler;
 *   <li>{@link NettyProtocolClient} calls a Python server that verifies with {@code
 *       http_auth.verify} and signs its answers as SN37 does: the answer is {@link Reply.Ok};
 *       answers signed by another key or for another receiver are {@link Reply.Failure#UNVERIFIED}.
 * </ul>
 *
 * <p>Keys are development URIs of Substrate's {@code DEV_PHRASE}, derived on both sides. No
 * environment is a failure, not a skip, as in the other interop tests: CI runs setup first.
 */
class BtAuthWireInteropIT {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonLimits LIMITS = new JsonLimits(1 << 16, 8, 256);

  /** Substrate's {@code DEV_PHRASE} (sp_core::crypto), the phrase behind //Alice. */
  private static final byte[] DEV =
      SubstrateMnemonic.miniSecret(
          "bottom drive obey lake curtain smoke basket hold race lonely fit walk", "");

  /** A development key as both sides know it: its URI and scheme for Python, ours in Java. */
  private record DevKey(String uri, KeyScheme scheme, Signer signer) {
    static DevKey of(String uri, KeyScheme scheme) {
      Signer signer =
          scheme == KeyScheme.SR25519
              ? Sr25519KeyPair.fromMiniSecret(DEV).derive(uri)
              : Ed25519KeyPair.fromSeed(Ed25519Hdkd.derive(DEV, DeriveJunction.parsePath(uri)));
      return new DevKey(uri, scheme, signer);
    }

    KeyId id() {
      return KeyId.of(signer.publicKey());
    }

    String ss58() {
      return id().address();
    }
  }

  private static final DevKey SERVER = DevKey.of("//wire-server", KeyScheme.SR25519);
  private static final DevKey CLIENT_SR = DevKey.of("//wire-client", KeyScheme.SR25519);
  private static final DevKey CLIENT_ED = DevKey.of("//wire-client", KeyScheme.ED25519);

  /** An ed25519 key the chain registered as sr25519: its honest ed25519 header contradicts it. */
  private static final DevKey MISPINNED = DevKey.of("//wire-mispinned", KeyScheme.ED25519);

  private static final DevKey STRANGER = DevKey.of("//wire-stranger", KeyScheme.SR25519);
  private static final DevKey PY_SERVER = DevKey.of("//wire-py-server", KeyScheme.SR25519);

  /** What reached the handler: the sender and the body, one entry per call. */
  private static final List<String> HANDLED = new CopyOnWriteArrayList<>();

  @TempDir static Path tmp;

  private static InteropPeer peer;
  private static ProtocolServer server;

  @BeforeAll
  static void start() throws IOException {
    peer = InteropPeer.open("btauth_http.py", "bittensor", tmp);
    InMemoryPeerDirectory directory =
        new InMemoryPeerDirectory()
            .register(CLIENT_SR.signer().publicKey(), 100)
            .register(CLIENT_ED.signer().publicKey(), 100)
            .register(MISPINNED.id(), KeyScheme.SR25519, 100);
    server =
        NettyProtocolServer.start(
            ServerSpec.builder(SERVER.signer(), directory)
                .limits(ServerLimits.defaults().toBuilder().rate(1000, 1000).build())
                .name("wire-it")
                .route(
                    "echo",
                    call -> {
                      HANDLED.add(call.sender().address() + " " + call.body());
                      ObjectNode out = JSON.objectNode().put("caller", call.sender().address());
                      out.set("seen", call.body());
                      return out;
                    })
                .build());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theSdksClientIsServedAndVerifiesTheSignedResponse() {
    ArrayNode calls = JSON.arrayNode();
    for (DevKey client : List.of(CLIENT_SR, CLIENT_ED)) {
      calls.add(call(client, body("hello " + client.scheme().wireName()), SERVER.ss58()));
    }
    // Authenticated but not JSON: the 400 is signed for its sender, and the SDK verifies it.
    calls.add(call(CLIENT_ED, "not json".getBytes(StandardCharsets.UTF_8), SERVER.ss58()));
    int before = HANDLED.size();
    List<List<JsonNode>> answers = send(calls);
    assertThat(HANDLED).hasSize(before + 2);
    for (int i = 0; i < 2; i++) {
      DevKey client = i == 0 ? CLIENT_SR : CLIENT_ED;
      String label = client.scheme() + " " + client.uri();
      JsonNode answer = answers.get(i).get(0);
      assertThat(answer.get("status").asInt()).as(label + ": " + answer).isEqualTo(200);
      JsonNode json = Json.parse(answer.get("body").asText(), "answer", LIMITS);
      assertThat(json.get("caller").asText()).as(label).isEqualTo(client.ss58());
      assertThat(json.get("seen").get("case").asText())
          .as(label)
          .isEqualTo("hello " + client.scheme().wireName());
      JsonNode verified = answer.get("response");
      assertThat(verified.get("ok").asBoolean()).as(label + ": " + verified).isTrue();
      assertThat(verified.get("hotkey").asText()).as(label).isEqualTo(SERVER.ss58());
      assertThat(verified.get("crypto").asText()).as(label).isEqualTo("sr25519");
    }
    JsonNode badJson = answers.get(2).get(0);
    assertThat(badJson.get("status").asInt()).as("not json: " + badJson).isEqualTo(400);
    JsonNode verified = badJson.get("response");
    assertThat(verified.get("ok").asBoolean()).as("not json: " + verified).isTrue();
    assertThat(verified.get("hotkey").asText()).isEqualTo(SERVER.ss58());
    assertThat(HANDLED)
        .contains(
            CLIENT_SR.ss58() + " {\"case\":\"hello sr25519\"}",
            CLIENT_ED.ss58() + " {\"case\":\"hello ed25519\"}");
  }

  /** One refused call: what Python sends, and the status and message start it must get. */
  private record Refused(String name, ObjectNode call, int status, String error) {}

  @Test
  void badRequestsFromTheSdksClientAreRefusedBeforeTheHandler() {
    long now = System.currentTimeMillis() * 1_000_000L;
    List<Refused> cases = new ArrayList<>();
    for (DevKey client : List.of(CLIENT_SR, CLIENT_ED)) {
      String s = " " + client.scheme().wireName();
      cases.add(
          new Refused(
              "tampered body" + s,
              call(client, body("tampered" + s), SERVER.ss58())
                  .put("send_body_hex", HEX.formatHex(body("tampereD" + s))),
              401,
              "BadSignature: "));
      cases.add(
          new Refused(
              "stale nonce" + s,
              call(client, body("stale" + s), SERVER.ss58())
                  .put("nonce_ns", Long.toString(now - 60_000_000_000L)),
              401,
              "StaleRequest: nonce is older than"));
      cases.add(
          new Refused(
              "future nonce" + s,
              call(client, body("future" + s), SERVER.ss58())
                  .put("nonce_ns", Long.toString(now + 60_000_000_000L)),
              401,
              "StaleRequest: nonce is more than"));
      cases.add(
          new Refused(
              "wrong receiver" + s,
              call(client, body("receiver" + s), STRANGER.ss58()),
              401,
              "WrongReceiver: "));
      cases.add(
          new Refused(
              "no signature" + s,
              call(client, body("unsigned" + s), SERVER.ss58())
                  .set("drop_headers", JSON.arrayNode().add(BtAuthHeaders.SIGNATURE)),
              401,
              "MalformedAuth: missing " + BtAuthHeaders.SIGNATURE));
    }
    cases.add(
        new Refused(
            "ed25519 signer the chain registered as sr25519",
            call(MISPINNED, body("mispinned"), SERVER.ss58()),
            401,
            "BadSignature: "));
    ObjectNode claimsEd = call(CLIENT_SR, body("claims ed25519"), SERVER.ss58());
    claimsEd.set("set_headers", JSON.objectNode().put(BtAuthHeaders.CRYPTO, "ed25519"));
    cases.add(new Refused("sr25519 sender claiming ed25519", claimsEd, 401, "BadSignature: "));
    cases.add(
        new Refused(
            "unregistered sender",
            call(STRANGER, body("stranger"), SERVER.ss58()),
            403,
            "sender " + STRANGER.ss58() + " is not registered"));

    ArrayNode calls = JSON.arrayNode();
    cases.forEach(c -> calls.add(c.call()));
    ObjectNode replay = call(CLIENT_ED, body("replayed"), SERVER.ss58()).put("times", 2);
    calls.add(replay);
    List<List<JsonNode>> answers = send(calls);

    for (int i = 0; i < cases.size(); i++) {
      assertRefusal(
          answers.get(i).get(0), cases.get(i).status(), cases.get(i).error(), cases.get(i).name());
    }
    List<JsonNode> replayed = answers.get(cases.size());
    assertThat(replayed.get(0).get("status").asInt()).as("first send: " + replayed).isEqualTo(200);
    assertRefusal(replayed.get(1), 401, "ReplayedRequest: ", "replayed request");

    // Only the replayed request's first send ran the handler; no refused body reached it.
    assertThat(HANDLED.stream().filter(h -> !h.contains("\"hello ")))
        .containsExactly(CLIENT_ED.ss58() + " {\"case\":\"replayed\"}");
  }

  @Test
  void ourClientIsServedByTheSdkAndChecksItsSignedAnswers() throws Exception {
    Process python =
        peer.start(
            "serve",
            "serve",
            PY_SERVER.uri(),
            "sr25519",
            CLIENT_SR.ss58() + "=sr25519",
            CLIENT_ED.ss58() + "=ed25519");
    try {
      JsonNode ready = readyLine(python);
      assertThat(ready.get("ss58").asText()).isEqualTo(PY_SERVER.ss58());
      PeerEndpoint endpoint =
          new PeerEndpoint(
              "127.0.0.1", ready.get("port").asInt(), PY_SERVER.id(), KeyScheme.SR25519);
      ClientLimits limits = ClientLimits.defaults().withRequestTimeout(Duration.ofSeconds(10));
      for (DevKey us : List.of(CLIENT_SR, CLIENT_ED)) {
        String label = us.scheme() + " " + us.uri();
        try (ProtocolClient client = NettyProtocolClient.create(us.signer(), limits)) {
          byte[] body = body("from " + us.scheme().wireName());
          Reply reply = client.send(endpoint, "echo", body).get(20, TimeUnit.SECONDS);
          assertThat(reply).as(label + ": " + serverLog()).isInstanceOf(Reply.Ok.class);
          JsonNode json = ((Reply.Ok) reply).json();
          assertThat(json.get("caller").asText()).as(label).isEqualTo(us.ss58());
          assertThat(json.get("crypto").asText()).as(label).isEqualTo(us.scheme().wireName());
          assertThat(json.get("body_hex").asText()).as(label).isEqualTo(HEX.formatHex(body));

          assertUnverified(
              client.send(endpoint, "wrong-key", body).get(20, TimeUnit.SECONDS),
              "response signed by " + DevKey.of("//Mallory", KeyScheme.SR25519).ss58(),
              label);
          assertUnverified(
              client.send(endpoint, "wrong-receiver", body).get(20, TimeUnit.SECONDS),
              "response addressed to " + PY_SERVER.ss58(),
              label);

          // The SDK refuses our request when we address another hotkey; we see its refusal.
          PeerEndpoint misaddressed =
              new PeerEndpoint(endpoint.host(), endpoint.port(), STRANGER.id(), KeyScheme.SR25519);
          Reply refused = client.send(misaddressed, "echo", body).get(20, TimeUnit.SECONDS);
          assertThat(refused).as(label).isInstanceOf(Reply.Refused.class);
          assertThat(((Reply.Refused) refused).status()).as(label).isEqualTo(401);
          assertThat(((Reply.Refused) refused).message()).as(label).startsWith("WrongReceiver: ");
          assertThat(((Reply.Refused) refused).signed()).as(label).isFalse();
        }
      }
      try (ProtocolClient stranger = NettyProtocolClient.create(STRANGER.signer(), limits)) {
        Reply reply = stranger.send(endpoint, "echo", body("stranger")).get(20, TimeUnit.SECONDS);
        assertThat(reply).as("unpinned sender").isInstanceOf(Reply.Refused.class);
        assertThat(((Reply.Refused) reply).status()).isEqualTo(403);
      }
    } finally {
      python.destroy();
      if (!python.waitFor(5, TimeUnit.SECONDS)) {
        python.destroyForcibly();
      }
    }
  }

  // --- helpers ---

  private static byte[] body(String marker) {
    return ("{\"case\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode call(DevKey key, byte[] body, String receiver) {
    return JSON.objectNode()
        .put("uri", key.uri())
        .put("crypto", key.scheme().wireName())
        .put("port", server.port())
        .put("path", "/v1/echo")
        .put("body_hex", HEX.formatHex(body))
        .put("receiver", receiver);
  }

  private static List<List<JsonNode>> send(ArrayNode calls) {
    InteropPeer.Result result = peer.run(calls.toString(), "call");
    assertThat(result.exit()).as("btauth_http.py call: " + result.stderr()).isZero();
    JsonNode answers =
        Json.parse(result.stdout(), "btauth_http.py output", new JsonLimits(1 << 20, 8, 4096));
    assertThat(answers.size()).isEqualTo(calls.size());
    List<List<JsonNode>> out = new ArrayList<>();
    answers.forEach(
        sends -> {
          List<JsonNode> list = new ArrayList<>();
          sends.forEach(list::add);
          out.add(list);
        });
    return out;
  }

  private static void assertRefusal(JsonNode answer, int status, String error, String label) {
    assertThat(answer.get("status").asInt()).as(label + ": " + answer).isEqualTo(status);
    JsonNode json = Json.parse(answer.get("body").asText(), "refusal", LIMITS);
    assertThat(json.get("error").asText()).as(label).startsWith(error);
    assertThat(json.get("status").asInt()).as(label).isEqualTo(status);
    // The server signs only for a sender it authenticated.
    assertThat(answer.get("response").isNull()).as(label + ": signed refusal " + answer).isTrue();
  }

  private static void assertUnverified(Reply reply, String reason, String label) {
    assertThat(reply).as(label).isInstanceOf(Reply.Failed.class);
    Reply.Failed failed = (Reply.Failed) reply;
    assertThat(failed.failure()).as(label + ": " + failed).isEqualTo(Reply.Failure.UNVERIFIED);
    assertThat(failed.message()).as(label).startsWith(reason);
  }

  /** The server's first line, within 60 s (the finally that destroys it ends a hung read). */
  private static JsonNode readyLine(Process python) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
    String line;
    try {
      line =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return out.readLine();
                    } catch (IOException e) {
                      return null;
                    }
                  })
              .get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("btauth_http.py serve: no port within 60 s: " + serverLog(), e);
    }
    assertThat(line).as("btauth_http.py serve printed nothing: " + serverLog()).isNotNull();
    return Json.parse(line, "btauth_http.py serve", LIMITS);
  }

  private static String serverLog() {
    try {
      return Files.readString(tmp.resolve("serve.err"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
