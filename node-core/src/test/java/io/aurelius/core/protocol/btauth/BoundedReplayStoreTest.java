package io.aurelius.core.protocol.btauth;

import static io.aurelius.core.protocol.btauth.ReplayStore.Outcome.FULL;
import static io.aurelius.core.protocol.btauth.ReplayStore.Outcome.RECORDED;
import static io.aurelius.core.protocol.btauth.ReplayStore.Outcome.REPLAYED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoundedReplayStoreTest {
  private static final long S = 1_000_000_000L;
  private static final long T = 1_752_076_800_000_000_000L;

  @Test
  void recordsOncePerHotkeyAndNonce() {
    BoundedReplayStore store = new BoundedReplayStore(Duration.ofSeconds(12), 10);
    assertThat(store.record("a", T, T)).isEqualTo(RECORDED);
    assertThat(store.record("a", T, T)).isEqualTo(REPLAYED);
    assertThat(store.record("b", T, T)).isEqualTo(RECORDED);
    assertThat(store.record("a", T + 1, T)).isEqualTo(RECORDED);
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void forgetsWhatFreshnessAlreadyRefusesAndStaysBounded() {
    BoundedReplayStore store = new BoundedReplayStore(Duration.ofSeconds(12), 2);
    assertThat(store.record("a", T, T)).isEqualTo(RECORDED);
    assertThat(store.record("b", T, T)).isEqualTo(RECORDED);
    assertThat(store.record("c", T, T)).isEqualTo(FULL);
    assertThat(store.record("c", T + 13 * S, T + 13 * S)).isEqualTo(RECORDED);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aForgottenNonceStaysRefusedIfTheClockStepsBack() {
    BoundedReplayStore store = new BoundedReplayStore(Duration.ofSeconds(12), 10);
    assertThat(store.record("a", T, T)).isEqualTo(RECORDED);
    assertThat(store.record("b", T + 20 * S, T + 20 * S)).isEqualTo(RECORDED); // forgets (a, T)
    assertThat(store.record("a", T, T)).isEqualTo(REPLAYED);
  }
}
