package io.aurelius.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.Refusal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalLogTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final RefusalLog log = new RefusalLog(Duration.ofSeconds(30), now::get);
  private final Refusal stale =
      Refusal.of(ProtocolStatus.UNAUTHORIZED, "StaleRequest", "StaleRequest: nonce too old");

  @Test
  void oneLinePerReasonPerIntervalWithTheCountLeftOut() {
    assertThat(log.line("miner/query", 401, "StaleRequest", "first")).isPresent();
    for (int i = 0; i < 5; i++) {
      now.addAndGet(Duration.ofSeconds(1).toNanos());
      assertThat(log.line("miner/query", stale.status().code(), stale.reason(), "again")).isEmpty();
    }
    // another reason has a window of its own
    assertThat(log.line("miner/query", 429, "RateLimited", "slow down")).isPresent();

    now.addAndGet(Duration.ofSeconds(30).toNanos());
    RefusalLog.Line line = log.line("miner/query", 401, "StaleRequest", "later").orElseThrow();
    assertThat(line.suppressed()).isEqualTo(5);
    assertThat(line.toString())
        .isEqualTo("refused 401 StaleRequest on miner/query: later (5 more like it not logged)");
  }

  @Test
  void aLineKeepsToOneLineAndABoundedLength() {
    String line =
        log.line("unknown", 400, "MalformedHttp", "bad\r\nInjected: yes" + "x".repeat(500))
            .orElseThrow()
            .toString();
    assertThat(line).doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(300);
  }

  @Test
  void aRefusalsReasonIsANameNotText() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Refusal.of(ProtocolStatus.BAD_REQUEST, "no route /x", "m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("refusal reason: 'no route /x'");
    assertThat(Refusal.of(ProtocolStatus.PAYLOAD_TOO_LARGE, "m").reason())
        .isEqualTo("PayloadTooLarge");
  }
}
