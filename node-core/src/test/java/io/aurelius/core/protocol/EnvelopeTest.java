package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  private static final String UUID = "3f2b8c1e-0d4a-4b6e-9c1f-2a7d5e8b9c00";
  private final Ed25519KeyPair clientKey = Ed25519KeyPair.fromSeed(new byte[32]);
  private final Ed25519KeyPair serverKey =
      Ed25519KeyPair.fromSeed(
          HexFormat.of()
              .parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  private final KeyId client = KeyId.of(clientKey.publicKey());
  private final KeyId server = KeyId.of(serverKey.publicKey());

  @Test
  void requestMessageIsNonceSenderReceiverUuidBodyHash() {
    ContentId hash = ContentId.of(new byte[0]);
    RequestEnvelope envelope = new RequestEnvelope(client, server, 17, UUID, hash);
    assertThat(new String(envelope.signingMessage(), StandardCharsets.UTF_8))
        .isEqualTo(
            "17."
                + client.address()
                + "."
                + server.address()
                + "."
                + UUID
                + "."
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    byte[] signature = envelope.sign(clientKey);
    assertThat(envelope.verify(signature)).isTrue();
    assertThat(new RequestEnvelope(client, server, 18, UUID, hash).verify(signature)).isFalse();
  }

  @Test
  void onlyTheSenderMaySign() {
    RequestEnvelope envelope =
        new RequestEnvelope(client, server, 17, UUID, ContentId.of(new byte[0]));
    assertThatThrownBy(() -> envelope.sign(serverKey)).hasMessageContaining("is not the sender");
  }

  @Test
  void aResponseSignatureNeverPassesAsARequestSignature() {
    ContentId hash = ContentId.of("{}".getBytes(StandardCharsets.UTF_8));
    ResponseEnvelope response = new ResponseEnvelope(200, server, client, 17, UUID, hash);
    assertThat(new String(response.signingMessage(), StandardCharsets.UTF_8))
        .startsWith("response.200.17." + server.address() + "." + client.address() + ".");
    byte[] signature = response.sign(serverKey);
    assertThat(new RequestEnvelope(server, client, 17, UUID, hash).verify(signature)).isFalse();
  }

  @Test
  void clientAcceptsOnlyTheResponseToItsOwnRequest() {
    ProtocolIdentity serverIdentity = ProtocolIdentity.of(serverKey);
    byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    ResponseBinding request = new ResponseBinding(client, 17, UUID);
    Map<String, String> headers = serverIdentity.signResponse(200, request, body);
    HeaderLookup lookup =
        name -> headers.containsKey(name) ? List.of(headers.get(name)) : List.of();

    assertThat(ResponseCheck.check(server, request, 200, lookup, body))
        .isInstanceOf(ResponseCheck.Result.Valid.class);
    assertThat(ResponseCheck.check(server, request, 500, lookup, body))
        .isEqualTo(new ResponseCheck.Result.Invalid("bad response signature from " + server));
    assertThat(
            ResponseCheck.check(server, new ResponseBinding(client, 18, UUID), 200, lookup, body))
        .isInstanceOf(ResponseCheck.Result.Invalid.class);
    assertThat(ResponseCheck.check(client, request, 200, lookup, body))
        .isInstanceOf(ResponseCheck.Result.Invalid.class);
    assertThat(ResponseCheck.check(server, request, 200, lookup, "{}".getBytes()))
        .isEqualTo(
            new ResponseCheck.Result.Invalid(
                "response body does not match its x-aurelius-body-sha256"));
    assertThat(ResponseCheck.check(server, request, 200, name -> List.of(), body))
        .isInstanceOf(ResponseCheck.Result.Unsigned.class);
  }

  @Test
  void noncesNeverRepeatEvenWithinOneClockTick() {
    ProtocolIdentity identity = new ProtocolIdentity(clientKey, new ManualProtocolClock(1000));
    long a = identity.nextNonce();
    long b = identity.nextNonce();
    assertThat(b).isGreaterThan(a);
  }
}
