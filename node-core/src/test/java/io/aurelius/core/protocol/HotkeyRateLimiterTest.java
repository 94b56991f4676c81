package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HotkeyRateLimiterTest {
  private final ManualProtocolClock clock = new ManualProtocolClock(0);
  private final HotkeyRateLimiter limiter = new HotkeyRateLimiter(10, 3, clock);
  private final KeyId flooder = KeyId.of(Ed25519KeyPair.generate().publicKey());
  private final KeyId other = KeyId.of(Ed25519KeyPair.generate().publicKey());

  @Test
  void allowsABurstThenRefusesUntilRefilled() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(flooder)).isTrue();
    }
    assertThat(limiter.tryAcquire(flooder)).isFalse();
    assertThat(limiter.secondsUntilToken(flooder)).isEqualTo(1);

    clock.advance(Duration.ofMillis(99));
    assertThat(limiter.tryAcquire(flooder)).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(limiter.tryAcquire(flooder)).isTrue();
  }

  @Test
  void oneHotkeyCannotSpendAnothersTokens() {
    for (int i = 0; i < 50; i++) {
      limiter.tryAcquire(flooder);
    }
    assertThat(limiter.tryAcquire(other)).isTrue();
  }

  @Test
  void forgetsOnlyFullBuckets() {
    limiter.tryAcquire(flooder);
    limiter.forgetIdle();
    assertThat(limiter.trackedHotkeys()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    limiter.forgetIdle();
    assertThat(limiter.trackedHotkeys()).isZero();
  }

  @Test
  void refusesNonsenseSettings() {
    assertThatThrownBy(() -> new HotkeyRateLimiter(0, 1, clock))
        .hasMessage("perSecond: 0.0 (expected: positive)");
    assertThatThrownBy(() -> new HotkeyRateLimiter(1, 0, clock))
        .hasMessage("burst: 0 (expected: at least 1)");
  }
}
