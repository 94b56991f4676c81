package io.aurelius.core.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.transport.TransportMetrics;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** Which connection gives way when the server is full (issue 16, finding 1). */
class ConnectionTableTest {
  private final TransportMetrics metrics = new TransportMetrics();
  private final ConnectionTable table = new ConnectionTable(2, 2, metrics);

  @Test
  void aNewConnectionDisplacesTheQuietOneNotTheOneInARequest() {
    EmbeddedChannel a = new EmbeddedChannel();
    EmbeddedChannel b = new EmbeddedChannel();
    assertThat(table.admit(a)).isTrue();
    assertThat(table.admit(b)).isTrue();
    table.busy(a);

    EmbeddedChannel c = new EmbeddedChannel();
    assertThat(table.admit(c)).isTrue();
    assertThat(b.isOpen()).isFalse();
    assertThat(a.isOpen()).isTrue();
    assertThat(table.size()).isEqualTo(2);

    table.busy(c);
    assertThat(table.admit(new EmbeddedChannel())).isFalse();
    assertThat(metrics.snapshot().connectionsDisplaced()).isEqualTo(1);
    assertThat(metrics.snapshot().openConnections()).isEqualTo(2);
  }

  @Test
  void aConnectionThatNeverSentARequestGivesWayBeforeAnIdleKeptAliveOne() {
    EmbeddedChannel used = new EmbeddedChannel();
    assertThat(table.admit(used)).isTrue();
    table.busy(used);
    table.quiet(used);
    EmbeddedChannel silent = new EmbeddedChannel();
    assertThat(table.admit(silent)).isTrue();

    assertThat(table.admit(new EmbeddedChannel())).isTrue();
    assertThat(silent.isOpen()).isFalse();
    assertThat(used.isOpen()).isTrue();
  }

  @Test
  void aClosedConnectionFreesItsPlace() {
    EmbeddedChannel a = new EmbeddedChannel();
    EmbeddedChannel b = new EmbeddedChannel();
    table.admit(a);
    table.admit(b);
    table.busy(a);
    table.busy(b);
    a.close();
    assertThat(table.size()).isEqualTo(1);
    assertThat(table.admit(new EmbeddedChannel())).isTrue();
    assertThat(metrics.snapshot().connectionsDisplaced()).isZero();
  }
}
