package io.aurelius.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which lane a plain route joins, and the body budget that bounds it. */
class ServerSpecTest {
  private static final PlainHttpHandler OK = request -> PlainHttpResponse.text(200, "ok\n");

  @Test
  void bulkRoutesAreBoundedByTheBulkBudgetAndPlainOnesByTheShared() {
    ServerLimits limits =
        ServerLimits.defaults().toBuilder()
            .maxBufferedBytes(1 << 20)
            .maxBulkBufferedBytes(64 << 10)
            .build();
    ServerSpec spec =
        builder(limits)
            .plain("/healthz", Set.of("GET"), OK)
            .plain("/upload", Set.of("POST"), 512 << 10, OK)
            .bulk("/git/", Set.of("GET", "POST"), 64 << 10, OK)
            .build();
    assertThat(spec.routes().plain("/git/x.git/info/refs").orElseThrow().lane())
        .isEqualTo(PlainRoute.Lane.BULK);
    assertThat(spec.routes().plain("/healthz").orElseThrow().lane()).isEqualTo(PlainRoute.Lane.OPS);

    assertThatThrownBy(
            () -> builder(limits).bulk("/git/", Set.of("POST"), (64 << 10) + 1, OK).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "plain route /git/: body limit 65537 (expected: at most its lane's budget 65536)");
  }

  private static ServerSpec.Builder builder(ServerLimits limits) {
    return ServerSpec.builder(Ed25519KeyPair.generate(), new InMemoryPeerDirectory())
        .limits(limits);
  }
}
