package io.aurelius.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.GateDecision;
import io.aurelius.core.protocol.HotkeyRateLimiter;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.protocol.ManualProtocolClock;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.RequestGate;
import io.aurelius.core.protocol.ResponseCheck;
import io.aurelius.core.protocol.btauth.BoundedReplayStore;
import io.aurelius.core.protocol.btauth.BtAuthHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallProcessorTest {
  private static final String TARGET = "/v1/test";
  private final ManualProtocolClock clock = ManualProtocolClock.atSystemTime();
  private final ProtocolIdentity server = new ProtocolIdentity(Sr25519KeyPair.generate(), clock);
  private final Sr25519KeyPair clientKey = Sr25519KeyPair.generate();
  private final ProtocolIdentity client = new ProtocolIdentity(clientKey, clock);
  private final RequestGate gate =
      new RequestGate(
          server.hotkey(),
          new InMemoryPeerDirectory().register(clientKey.publicKey(), 7),
          new BoundedReplayStore(Duration.ofSeconds(12), 100),
          clock,
          Duration.ofSeconds(10),
          Duration.ofSeconds(2),
          new HotkeyRateLimiter(100, 100, clock));
  private final TransportMetrics metrics = new TransportMetrics();
  private final CallProcessor processor =
      new CallProcessor(server, gate, JsonLimits.UNTRUSTED, metrics);

  record Greeting(String name) {}

  @Test
  void answersWithTheHandlersValueAsCanonicalJsonSignedForTheCaller() {
    byte[] body = "{ \"name\" : \"ada\" }".getBytes(StandardCharsets.UTF_8);
    Signed request = sign(body);
    OutgoingResponse response =
        processor.process(
            route(
                call -> Map.of("hello", call.bodyAs(Greeting.class).name(), "stake", call.stake())),
            request.admitted(),
            "POST",
            TARGET,
            body,
            "0123456789abcdef");
    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"hello\":\"ada\",\"stake\":7}");
    assertThat(check(response, request.nonce())).isInstanceOf(ResponseCheck.Result.Valid.class);
    assertThat(metrics.snapshot().handlerCalls()).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotTheSignedOneNeverReachesTheHandlerAndGetsAnUnsignedRefusal() {
    byte[] signed = "{\"name\":\"ada\"}".getBytes(StandardCharsets.UTF_8);
    byte[] sent = "{\"name\":\"eve\"}".getBytes(StandardCharsets.UTF_8);
    Signed request = sign(signed);
    OutgoingResponse response =
        processor.process(
            route(
                call -> {
                  throw new AssertionError("handler reached");
                }),
            request.admitted(),
            "POST",
            TARGET,
            sent,
            "0123456789abcdef");
    assertThat(response.status()).isEqualTo(401);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("BadSignature");
    assertThat(check(response, request.nonce())).isInstanceOf(ResponseCheck.Result.Unsigned.class);
    assertThat(metrics.snapshot().handlerCalls()).isZero();
  }

  @Test
  void handlerFailuresMapToTheirStatusesAndAreSigned() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            process(
                    route(
                        call -> {
                          throw new CallRefusedException(ProtocolStatus.UNPROCESSABLE, "no");
                        }),
                    body,
                    "1")
                .status())
        .isEqualTo(422);
    byte[] unknown = "{\"nom\":\"ada\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(process(route(call -> call.bodyAs(Greeting.class)), unknown, "2").status())
        .isEqualTo(400);
    Signed request = sign(body);
    OutgoingResponse nullAnswer =
        processor.process(route(call -> null), request.admitted(), "POST", TARGET, body, "3");
    assertThat(nullAnswer.status()).isEqualTo(500);
    assertThat(new String(nullAnswer.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"error\":\"internal error (request id 3)\",\"requestId\":\"3\",\"status\":500}");
    assertThat(check(nullAnswer, request.nonce())).isInstanceOf(ResponseCheck.Result.Valid.class);
  }

  @Test
  void requestIdsAreSixteenHexDigits() {
    assertThat(CallProcessor.newRequestId()).matches("[0-9a-f]{16}");
  }

  private OutgoingResponse process(ProtocolRoute route, byte[] body, String requestId) {
    return processor.process(route, sign(body).admitted(), "POST", TARGET, body, requestId);
  }

  private record Signed(GateDecision.Admitted admitted, long nonce) {}

  private Signed sign(byte[] body) {
    BtAuthHeaders headers = client.signRequest(server.hotkey(), TARGET, body);
    GateDecision decision = gate.admit(BtAuthHeaders.lookup(headers.asMap()), body.length, 1024);
    return new Signed((GateDecision.Admitted) decision, headers.nonce());
  }

  private ResponseCheck.Result check(OutgoingResponse response, long requestNonce) {
    return ResponseCheck.check(
        new ResponseCheck.Expected(
            server.hotkey().address(),
            server.scheme(),
            client.hotkey().address(),
            TARGET,
            requestNonce),
        name ->
            response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList(),
        response.body(),
        clock,
        Duration.ofSeconds(2));
  }

  private static ProtocolRoute route(RouteHandler handler) {
    return new ProtocolRoute("test", 1024, handler);
  }
}
