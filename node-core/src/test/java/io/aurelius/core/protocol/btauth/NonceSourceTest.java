package io.aurelius.core.protocol.btauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.protocol.ManualProtocolClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NonceSourceTest {
  @Test
  void followsTheWallClockWhenItMoves() {
    ManualProtocolClock clock = new ManualProtocolClock(1_000);
    NonceSource nonces = new NonceSource(clock);
    assertThat(nonces.next()).isEqualTo(1_000);
    clock.advance(Duration.ofNanos(500));
    assertThat(nonces.next()).isEqualTo(1_500);
  }

  @Test
  void neverRepeatsWhenTheClockStandsStillOrStepsBack() {
    ManualProtocolClock clock = new ManualProtocolClock(1_000);
    NonceSource nonces = new NonceSource(clock);
    assertThat(nonces.next()).isEqualTo(1_000);
    assertThat(nonces.next()).isEqualTo(1_001);
    clock.advance(Duration.ofNanos(-400));
    assertThat(nonces.next()).isEqualTo(1_002);
  }

  @Test
  void uniqueAndIncreasingPerThreadUnderConcurrency() throws Exception {
    ManualProtocolClock clock = new ManualProtocolClock(1_752_076_800_000_000_000L);
    NonceSource nonces = new NonceSource(clock);
    int threads = 8;
    int each = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<long[]> task =
            () -> {
              long[] seen = new long[each];
              for (int i = 0; i < each; i++) {
                if (i % 1000 == 0) {
                  clock.advance(Duration.ofNanos(i % 3000 == 0 ? -5_000 : 700));
                }
                seen[i] = nonces.next();
              }
              return seen;
            };
        futures.add(pool.submit(task));
      }
      Set<Long> all = new HashSet<>();
      for (Future<long[]> f : futures) {
        long[] seen = f.get();
        for (int i = 0; i < seen.length; i++) {
          if (i > 0) {
            assertThat(seen[i]).isGreaterThan(seen[i - 1]);
          }
          assertThat(all.add(seen[i])).as("nonce %d repeated", seen[i]).isTrue();
        }
      }
      assertThat(all).hasSize(threads * each);
    } finally {
      pool.shutdownNow();
    }
  }
}
