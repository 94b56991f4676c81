package io.aurelius.core.transport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CompilerSettlingTest {
  private static final long MS = 1_000_000L;
  private final AtomicLong compiled = new AtomicLong();
  private final CompilerSettling settling = new CompilerSettling(compiled::get);

  @Test
  void aBusyCompilerIsNotSettledAndAQuietOneIsOnceAFullSpanShowsIt() {
    long t = 0;
    for (; t <= 6_000; t += 250) { // compiling flat out: 300 ms of each 250 ms (two threads)
      assertThat(settling.settled(t * MS)).as("busy at %d ms", t).isFalse();
      compiled.addAndGet(300);
    }
    // Quiet from here on: 5 ms of compiling per 250 ms, 2% of the time.
    boolean settledEarly = false;
    long quietFrom = t;
    for (; t < quietFrom + 2_000; t += 250) {
      compiled.addAndGet(5);
      settledEarly |= settling.settled(t * MS);
    }
    assertThat(settledEarly).as("a span still holding busy samples").isFalse();
    compiled.addAndGet(5);
    assertThat(settling.settled((quietFrom + 2_250) * MS)).isTrue();
  }

  @Test
  void aBurstWithinTheSpanUnsettlesIt() {
    for (long t = 0; t <= 3_000; t += 250) {
      settling.settled(t * MS);
    }
    assertThat(settling.settled(3_250 * MS)).isTrue();
    compiled.addAndGet(400); // 400 ms of compiling inside the next 2 s span: 20%
    assertThat(settling.settled(3_500 * MS)).isFalse();
    assertThat(settling.settled(5_250 * MS)).isFalse();
    assertThat(settling.settled(5_750 * MS)).isTrue();
  }

  @Test
  void nothingToWaitForWhenTheJvmDoesNotReportCompilation() {
    CompilerSettling unwatched = new CompilerSettling(null);
    assertThat(unwatched.supported()).isFalse();
    assertThat(unwatched.settled(0)).isTrue();
  }

  @Test
  void notSettledBeforeAFullSpanHasBeenSeen() {
    assertThat(settling.settled(0)).isFalse();
    assertThat(settling.settled(1_999 * MS)).isFalse();
    assertThat(settling.settled(2_000 * MS)).isTrue();
  }
}
