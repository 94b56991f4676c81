package io.aurelius.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.GateDecision;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.RequestEnvelope;
import io.aurelius.core.protocol.ResponseBinding;
import io.aurelius.core.protocol.ResponseCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallProcessorTest {
  private static final String UUID = "3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c00";
  private final ProtocolIdentity server = ProtocolIdentity.of(Ed25519KeyPair.generate());
  private final KeyId client = KeyId.of(Ed25519KeyPair.generate().publicKey());
  private final TransportMetrics metrics = new TransportMetrics();
  private final CallProcessor processor = new CallProcessor(server, JsonLimits.UNTRUSTED, metrics);

  record Greeting(String name) {}

  @Test
  void answersWithTheHandlersValueAsCanonicalJsonSignedForTheCaller() {
    byte[] body = "{ \"name\" : \"ada\" }".getBytes(StandardCharsets.UTF_8);
    OutgoingResponse response =
        processor.process(
            route(
                call -> Map.of("hello", call.bodyAs(Greeting.class).name(), "stake", call.stake())),
            admitted(body),
            body,
            "0123456789abcdef");
    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"hello\":\"ada\",\"stake\":7}");
    assertThat(check(response)).isInstanceOf(ResponseCheck.Result.Valid.class);
    assertThat(metrics.snapshot().handlerCalls()).isEqualTo(1);
  }

  @Test
  void aBodyThatIsNotTheSignedOneNeverReachesTheHandler() {
    byte[] signed = "{\"name\":\"ada\"}".getBytes(StandardCharsets.UTF_8);
    byte[] sent = "{\"name\":\"eve\"}".getBytes(StandardCharsets.UTF_8);
    OutgoingResponse response =
        processor.process(
            route(
                call -> {
                  throw new AssertionError("handler reached");
                }),
            admitted(signed),
            sent,
            "0123456789abcdef");
    assertThat(response.status()).isEqualTo(400);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .contains("does not match header x-aurelius-body-sha256");
    assertThat(metrics.snapshot().handlerCalls()).isZero();
  }

  @Test
  void handlerFailuresMapToTheirStatuses() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            processor
                .process(
                    route(
                        call -> {
                          throw new CallRefusedException(ProtocolStatus.UNPROCESSABLE, "no");
                        }),
                    admitted(body),
                    body,
                    "1")
                .status())
        .isEqualTo(422);
    byte[] unknown = "{\"nom\":\"ada\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(
            processor
                .process(
                    route(call -> call.bodyAs(Greeting.class)), admitted(unknown), unknown, "2")
                .status())
        .isEqualTo(400);
    OutgoingResponse nullAnswer = processor.process(route(call -> null), admitted(body), body, "3");
    assertThat(nullAnswer.status()).isEqualTo(500);
    assertThat(new String(nullAnswer.body(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"error\":\"internal error (request id 3)\",\"requestId\":\"3\",\"status\":500}");
    assertThat(check(nullAnswer)).isInstanceOf(ResponseCheck.Result.Valid.class);
  }

  @Test
  void requestIdsAreSixteenHexDigits() {
    assertThat(CallProcessor.newRequestId()).matches("[0-9a-f]{16}");
  }

  private ResponseCheck.Result check(OutgoingResponse response) {
    return ResponseCheck.check(
        server.hotkey(),
        new ResponseBinding(client, 5, UUID),
        response.status(),
        name ->
            response.headers().containsKey(name)
                ? List.of(response.headers().get(name))
                : List.of(),
        response.body());
  }

  private GateDecision.Admitted admitted(byte[] signedBody) {
    return new GateDecision.Admitted(
        new RequestEnvelope(client, server.hotkey(), 5, UUID, ContentId.of(signedBody)), 7);
  }

  private static ProtocolRoute route(RouteHandler handler) {
    return new ProtocolRoute("test", 1024, handler);
  }
}
