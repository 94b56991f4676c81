package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestGateTest {
  private static final String UUID = "3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c00";
  private static final byte[] BODY = "{\"q\":1}".getBytes(StandardCharsets.UTF_8);

  private final ManualProtocolClock clock = ManualProtocolClock.atSystemTime();
  private final ProtocolIdentity server = new ProtocolIdentity(Ed25519KeyPair.generate(), clock);
  private final Ed25519KeyPair clientKey = Ed25519KeyPair.generate();
  private final ProtocolIdentity client = new ProtocolIdentity(clientKey, clock);
  private final InMemoryPeerDirectory directory =
      new InMemoryPeerDirectory().register(client.hotkey(), 42);
  private final NonceWindow nonces =
      new NonceWindow(Duration.ofSeconds(4), Duration.ofSeconds(4), 16, clock);
  private final RequestGate gate =
      new RequestGate(server.hotkey(), directory, nonces, new HotkeyRateLimiter(1, 2, clock));

  @Test
  void admitsAWellSignedRequestWithTheSendersStake() {
    GateDecision decision = admit(signed());
    assertThat(decision).isInstanceOf(GateDecision.Admitted.class);
    GateDecision.Admitted admitted = (GateDecision.Admitted) decision;
    assertThat(admitted.stake()).isEqualTo(42);
    assertThat(admitted.envelope().sender()).isEqualTo(client.hotkey());
    assertThat(nonces.size()).isEqualTo(1);
  }

  @Test
  void malformedHeadersAre400BeforeAnythingElse() {
    Map<String, String> headers = signed();
    headers.put(ProtocolHeaders.NONCE, "12a");
    headers.put(ProtocolHeaders.SENDER, "not-a-key");
    assertRefused(headers, 400, "header x-aurelius-sender: key id 'not-a-key'");
  }

  @Test
  void repeatedHeaderIs400() {
    Map<String, String> headers = signed();
    GateDecision decision =
        gate.admit(
            name ->
                name.equals(ProtocolHeaders.NONCE)
                    ? List.of(headers.get(name), headers.get(name))
                    : one(headers, name),
            BODY.length,
            1024);
    assertThat(((GateDecision.Refused) decision).refusal().message())
        .isEqualTo("header x-aurelius-nonce appears 2 times (expected: once)");
  }

  @Test
  void noSenderIsUnsigned401() {
    assertRefused(Map.of(), 401, "unsigned request: header x-aurelius-sender is missing");
  }

  @Test
  void unregisteredOrBannedSenderIs403EvenWithoutASignature() {
    Map<String, String> headers = signed();
    directory.remove(client.hotkey());
    assertRefused(headers, 403, "is not registered on this subnet");
    directory.ban(client.hotkey(), "weight copying");
    headers.remove(ProtocolHeaders.SIGNATURE);
    assertRefused(headers, 403, "is banned: weight copying");
  }

  @Test
  void missingSignatureIs401() {
    Map<String, String> headers = signed();
    headers.remove(ProtocolHeaders.SIGNATURE);
    assertRefused(headers, 401, "unsigned request: header x-aurelius-signature is missing");
  }

  @Test
  void wrongReceiverIs401() {
    ProtocolIdentity other = new ProtocolIdentity(Ed25519KeyPair.generate(), clock);
    Map<String, String> headers = new HashMap<>(client.signRequest(other.hotkey(), UUID, BODY));
    assertRefused(headers, 401, "is not this node");
  }

  @Test
  void tamperedSignedFieldIs401AndLeavesTheWindowUntouched() {
    Map<String, String> headers = signed();
    headers.put(ProtocolHeaders.BODY_SHA256, "00".repeat(32));
    assertRefused(headers, 401, "bad signature");
    assertThat(nonces.size()).isZero();
  }

  @Test
  void replayIs401() {
    Map<String, String> headers = signed();
    assertThat(admit(headers)).isInstanceOf(GateDecision.Admitted.class);
    assertRefused(headers, 401, "(replay)");
  }

  @Test
  void staleAndFutureNoncesAre401() {
    Map<String, String> stale = signed();
    clock.advance(Duration.ofSeconds(5));
    assertRefused(stale, 401, "older than the allowed delta (4000 ms)");

    ManualProtocolClock ahead = new ManualProtocolClock(clock.wallNanos());
    ahead.advance(Duration.ofSeconds(60));
    ProtocolIdentity fast = new ProtocolIdentity(clientKey, ahead); // same hotkey, fast clock
    assertRefused(
        new HashMap<>(fast.signRequest(server.hotkey(), UUID, BODY)), 401, "too far in the future");
  }

  @Test
  void oversizedBodyIs413AfterAuthentication() {
    Map<String, String> headers = signed();
    GateDecision decision = gate.admit(name -> one(headers, name), 2048, 1024);
    assertThat(((GateDecision.Refused) decision).refusal())
        .isEqualTo(
            Refusal.of(
                ProtocolStatus.PAYLOAD_TOO_LARGE, "body: 2048 bytes (expected: at most 1024)"));
    Map<String, String> unsigned = signed();
    unsigned.remove(ProtocolHeaders.SIGNATURE);
    GateDecision first = gate.admit(name -> one(unsigned, name), 2048, 1024);
    assertThat(((GateDecision.Refused) first).refusal().status().code()).isEqualTo(401);
  }

  @Test
  void floodIs429PerHotkey() {
    assertThat(admit(signed())).isInstanceOf(GateDecision.Admitted.class);
    assertThat(admit(signed())).isInstanceOf(GateDecision.Admitted.class);
    assertRefused(signed(), 429, "is over its rate limit (retry in 1 s)");
  }

  @Test
  void refusalsCarryTheBindingNeededToSignThem() {
    Map<String, String> headers = signed();
    directory.remove(client.hotkey());
    GateDecision.Refused refused = (GateDecision.Refused) admit(headers);
    assertThat(refused.binding())
        .hasValueSatisfying(
            b -> {
              assertThat(b.client()).isEqualTo(client.hotkey());
              assertThat(b.uuid()).isEqualTo(UUID);
              assertThat(b.nonce()).isEqualTo(Long.parseLong(headers.get(ProtocolHeaders.NONCE)));
            });
  }

  private Map<String, String> signed() {
    return new HashMap<>(client.signRequest(server.hotkey(), UUID, BODY));
  }

  private GateDecision admit(Map<String, String> headers) {
    return gate.admit(name -> one(headers, name), BODY.length, 1024);
  }

  private void assertRefused(Map<String, String> headers, int status, String messagePart) {
    GateDecision decision = admit(headers);
    assertThat(decision).isInstanceOf(GateDecision.Refused.class);
    Refusal refusal = ((GateDecision.Refused) decision).refusal();
    assertThat(refusal.status().code()).as(refusal.message()).isEqualTo(status);
    assertThat(refusal.message()).contains(messagePart);
  }

  private static List<String> one(Map<String, String> headers, String name) {
    String value = headers.get(name);
    return value == null ? List.of() : List.of(value);
  }
}
