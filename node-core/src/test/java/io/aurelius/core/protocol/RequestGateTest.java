package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.protocol.btauth.BoundedReplayStore;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestGateTest {
  private static final String TARGET = "/v1/config/list";
  private static final byte[] BODY = "{\"q\":1}".getBytes(StandardCharsets.UTF_8);

  private final ManualProtocolClock clock = ManualProtocolClock.atSystemTime();
  private final ProtocolIdentity server = new ProtocolIdentity(Sr25519KeyPair.generate(), clock);
  private final Sr25519KeyPair clientKey = Sr25519KeyPair.generate();
  private final ProtocolIdentity client = new ProtocolIdentity(clientKey, clock);
  private final InMemoryPeerDirectory directory =
      new InMemoryPeerDirectory().register(clientKey.publicKey(), 42);
  private final RequestGate gate =
      new RequestGate(
          server.hotkey(),
          directory,
          new BoundedReplayStore(Duration.ofSeconds(12), 1000),
          clock,
          Duration.ofSeconds(10),
          Duration.ofSeconds(2),
          new HotkeyRateLimiter(1, 2, clock));

  @Test
  void admitsAndAuthenticatesAWellSignedSr25519RequestWithTheSendersStake() {
    Map<String, String> headers = signed(client);
    GateDecision.Admitted admitted = admitted(headers);
    assertThat(admitted.stake()).isEqualTo(42);
    assertThat(admitted.sender()).isEqualTo(client.hotkey());
    assertThat(gate.authenticate(admitted, "POST", TARGET, BODY)).isEmpty();
  }

  @Test
  void unregisteredAndBannedSendersAre403OnTheirHeaders() {
    ProtocolIdentity stranger = new ProtocolIdentity(Sr25519KeyPair.generate(), clock);
    assertRefused(signed(stranger), 403, "is not registered on this subnet");
    directory.ban(client.hotkey(), "spam");
    assertRefused(signed(client), 403, "is banned: spam");
  }

  @Test
  void malformedOrRepeatedHeadersAre401MalformedAuth() {
    Map<String, String> headers = signed(client);
    headers.put(BtAuthHeaders.NONCE, "12a");
    assertRefused(headers, 401, "MalformedAuth");
    Map<String, String> good = signed(client);
    GateDecision repeated =
        gate.admit(
            name ->
                name.equalsIgnoreCase(BtAuthHeaders.NONCE)
                    ? List.of(good.get(BtAuthHeaders.NONCE), good.get(BtAuthHeaders.NONCE))
                    : BtAuthHeaders.lookup(good).all(name),
            BODY.length,
            1024);
    assertThat(((GateDecision.Refused) repeated).refusal().message()).startsWith("MalformedAuth: ");
  }

  @Test
  void aSchemeHeaderContradictingTheRegisteredSchemeIs401BadSignature() {
    Map<String, String> headers = signed(client);
    headers.put(BtAuthHeaders.CRYPTO, "ed25519");
    assertRefused(headers, 401, "BadSignature: X-Bittensor-Crypto does not match");
  }

  @Test
  void anEd25519KeyRegisteredAsSr25519IsRefusedEvenIfItSignsCorrectly() {
    Ed25519KeyPair ed = Ed25519KeyPair.generate();
    ProtocolIdentity edClient = new ProtocolIdentity(ed, clock);
    directory.register(edClient.hotkey(), KeyScheme.SR25519, 5);
    assertRefused(signed(edClient), 401, "BadSignature");
  }

  @Test
  void wrongReceiverStaleAndFutureNoncesAre401BeforeTheBody() {
    ProtocolIdentity other = new ProtocolIdentity(Sr25519KeyPair.generate(), clock);
    assertRefused(client.signRequest(other.hotkey(), TARGET, BODY).asMap(), 401, "WrongReceiver");
    Map<String, String> old = signed(client);
    clock.advance(Duration.ofSeconds(11));
    assertRefused(old, 401, "StaleRequest: nonce is older than the 10s freshness window");
    ManualProtocolClock ahead = new ManualProtocolClock(clock.wallNanos() + 3_000_000_000L);
    assertRefused(
        new ProtocolIdentity(clientKey, ahead).signRequest(server.hotkey(), TARGET, BODY).asMap(),
        401,
        "StaleRequest: nonce is more than 2s in the future");
  }

  @Test
  void aDeclaredBodyOverTheLimitIs413() {
    GateDecision decision = gate.admit(BtAuthHeaders.lookup(signed(client)), 2048, 1024);
    assertThat(((GateDecision.Refused) decision).refusal().status().code()).isEqualTo(413);
  }

  @Test
  void aTamperedBodyOrTargetIs401AndRecordsNothing() {
    Map<String, String> headers = signed(client);
    GateDecision.Admitted admitted = admitted(headers);
    byte[] tampered = "{\"q\":2}".getBytes(StandardCharsets.UTF_8);
    assertThat(gate.authenticate(admitted, "POST", TARGET, tampered))
        .get()
        .extracting(Refusal::message)
        .asString()
        .startsWith("BadSignature: ");
    assertThat(gate.authenticate(admitted, "POST", "/v1/config/other", BODY)).isPresent();
    // The failed attempts recorded nothing: the genuine request still goes through once.
    assertThat(gate.authenticate(admitted(headers), "POST", TARGET, BODY)).isEmpty();
  }

  @Test
  void aReplayIs401AfterTheFirstAcceptance() {
    Map<String, String> headers = signed(client);
    assertThat(gate.authenticate(admitted(headers), "POST", TARGET, BODY)).isEmpty();
    Optional<Refusal> replay = gate.authenticate(admitted(headers), "POST", TARGET, BODY);
    assertThat(replay).get().extracting(r -> r.status().code()).isEqualTo(401);
    assertThat(replay.get().message()).startsWith("ReplayedRequest: ");
  }

  @Test
  void theRateLimitIs429AfterTheBurst() {
    assertThat(gate.authenticate(admitted(signed(client)), "POST", TARGET, BODY)).isEmpty();
    assertThat(gate.authenticate(admitted(signed(client)), "POST", TARGET, BODY)).isEmpty();
    Optional<Refusal> third = gate.authenticate(admitted(signed(client)), "POST", TARGET, BODY);
    assertThat(third).get().extracting(r -> r.status().code()).isEqualTo(429);
  }

  @Test
  void anyoneIsVerifiedUnderTheSchemeItClaimsAtZeroStake() {
    RequestGate open =
        new RequestGate(
            server.hotkey(),
            hotkey -> PeerStanding.ANYONE,
            new BoundedReplayStore(Duration.ofSeconds(12), 1000),
            clock,
            Duration.ofSeconds(10),
            Duration.ofSeconds(2),
            new HotkeyRateLimiter(10, 10, clock));
    for (var key : List.of(Ed25519KeyPair.generate(), Sr25519KeyPair.generate())) {
      ProtocolIdentity caller = new ProtocolIdentity(key, clock);
      GateDecision decision = open.admit(BtAuthHeaders.lookup(signed(caller)), BODY.length, 1024);
      GateDecision.Admitted admitted = (GateDecision.Admitted) decision;
      assertThat(admitted.stake()).isZero();
      assertThat(admitted.head().scheme()).isEqualTo(key.scheme());
      assertThat(open.authenticate(admitted, "POST", TARGET, BODY)).isEmpty();
    }
  }

  private Map<String, String> signed(ProtocolIdentity from) {
    return new LinkedHashMap<>(from.signRequest(server.hotkey(), TARGET, BODY).asMap());
  }

  private GateDecision.Admitted admitted(Map<String, String> headers) {
    GateDecision decision = gate.admit(BtAuthHeaders.lookup(headers), BODY.length, 1024);
    assertThat(decision).isInstanceOf(GateDecision.Admitted.class);
    return (GateDecision.Admitted) decision;
  }

  private void assertRefused(Map<String, String> headers, int status, String message) {
    GateDecision decision = gate.admit(BtAuthHeaders.lookup(headers), BODY.length, 1024);
    assertThat(decision).isInstanceOf(GateDecision.Refused.class);
    Refusal refusal = ((GateDecision.Refused) decision).refusal();
    assertThat(refusal.status().code()).isEqualTo(status);
    assertThat(refusal.message()).contains(message);
  }
}
