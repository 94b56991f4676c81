package io.aurelius.validator.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cosign route reads its body strictly: exactly one text member, before anything else. */
class CosignHandlerTest {
  private final KeyId peer = KeyId.of(Sr25519KeyPair.generate().publicKey());
  private final CosignHandler handler =
      new CosignHandler(
          new OwnLog() {
            @Override
            public String origin() {
              return "aurelius.test/corpus";
            }

            @Override
            public Optional<byte[]> root(long size) {
              return Optional.empty();
            }
          },
          KeyId.of(Sr25519KeyPair.generate().publicKey()),
          Ed25519KeyPair.generate(),
          () -> new ValidatorSet(Map.of(peer, 10L)),
          Clock.systemUTC());

  @Test
  void anythingButExactlyOneTextCheckpointIs400() {
    for (String body :
        new String[] {
          "{\"checkpoint\": 5}",
          "{\"checkpoint\": \"x\", \"extra\": 1}",
          "{}",
          "[\"checkpoint\"]",
          "{\"checkpoint\": null}"
        }) {
      assertThatThrownBy(() -> handler.handle(call(body)))
          .as(body)
          .isInstanceOfSatisfying(
              CallRefusedException.class, e -> assertThat(e.status().code()).isEqualTo(400))
          .hasMessageContaining("expected: exactly {\"checkpoint\": the checkpoint note as text}");
    }
  }

  @Test
  void aWellFormedBodyWithABadNoteIsRefusedOnItsContent() {
    assertThatThrownBy(() -> handler.handle(call("{\"checkpoint\": \"not a note\"}")))
        .isInstanceOfSatisfying(
            CallRefusedException.class, e -> assertThat(e.status().code()).isEqualTo(422))
        .hasMessageStartingWith("cosign.checkpoint: ");
  }

  private InboundCall call(String body) {
    return new InboundCall(
        CosignHandler.ROUTE,
        peer,
        10,
        "r",
        Json.parse(body.getBytes(StandardCharsets.UTF_8), "body", JsonLimits.UNTRUSTED));
  }
}
