package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class NonceWindowTest {
  private static final String UUID_A = "00000000-0000-4000-8000-00000000000a";
  private static final String UUID_B = "00000000-0000-4000-8000-00000000000b";
  private final ManualProtocolClock clock = new ManualProtocolClock(1_700_000_000_000_000_000L);
  private final NonceWindow window =
      new NonceWindow(Duration.ofSeconds(4), Duration.ofSeconds(2), 3, clock);
  private final KeyId alice = KeyId.of(Ed25519KeyPair.generate().publicKey());
  private final KeyId bob = KeyId.of(Ed25519KeyPair.generate().publicKey());

  @Test
  void acceptsIncreasingNoncesAndRefusesReplays() {
    long now = clock.wallNanos();
    assertThat(window.accept(alice, UUID_A, now)).isEqualTo(NonceVerdict.ACCEPTED);
    assertThat(window.accept(alice, UUID_A, now)).isEqualTo(NonceVerdict.REPLAYED);
    assertThat(window.accept(alice, UUID_A, now - 1)).isEqualTo(NonceVerdict.REPLAYED);
    assertThat(window.accept(alice, UUID_A, now + 1)).isEqualTo(NonceVerdict.ACCEPTED);
  }

  @Test
  void sessionsAndSendersAreIndependent() {
    long now = clock.wallNanos();
    assertThat(window.accept(alice, UUID_A, now)).isEqualTo(NonceVerdict.ACCEPTED);
    assertThat(window.accept(alice, UUID_B, now)).isEqualTo(NonceVerdict.ACCEPTED);
    assertThat(window.accept(bob, UUID_A, now)).isEqualTo(NonceVerdict.ACCEPTED);
  }

  @Test
  void refusesStaleAndFutureNoncesAtTheBounds() {
    long now = clock.wallNanos();
    assertThat(window.accept(alice, UUID_A, now - 4_000_000_000L)).isEqualTo(NonceVerdict.STALE);
    assertThat(window.accept(alice, UUID_A, now - 3_999_999_999L)).isEqualTo(NonceVerdict.ACCEPTED);
    assertThat(window.accept(alice, UUID_B, now + 2_000_000_001L)).isEqualTo(NonceVerdict.FUTURE);
    assertThat(window.accept(alice, UUID_B, now + 2_000_000_000L)).isEqualTo(NonceVerdict.ACCEPTED);
  }

  @Test
  void peekDoesNotRemember() {
    long now = clock.wallNanos();
    assertThat(window.peek(alice, UUID_A, now)).isEqualTo(NonceVerdict.ACCEPTED);
    assertThat(window.accept(alice, UUID_A, now)).isEqualTo(NonceVerdict.ACCEPTED);
    assertThat(window.peek(alice, UUID_A, now)).isEqualTo(NonceVerdict.REPLAYED);
  }

  @Test
  void capsLiveSessionsPerSenderButFreesExpiredOnes() {
    long now = clock.wallNanos();
    for (int i = 0; i < 3; i++) {
      assertThat(window.accept(alice, uuid(i), now)).isEqualTo(NonceVerdict.ACCEPTED);
    }
    assertThat(window.accept(alice, uuid(3), now)).isEqualTo(NonceVerdict.TOO_MANY_SESSIONS);
    assertThat(window.accept(bob, uuid(3), now)).isEqualTo(NonceVerdict.ACCEPTED);
    assertThat(window.accept(alice, uuid(0), now + 1)).isEqualTo(NonceVerdict.ACCEPTED);

    clock.advance(Duration.ofSeconds(5));
    assertThat(window.accept(alice, uuid(3), clock.wallNanos())).isEqualTo(NonceVerdict.ACCEPTED);
  }

  @Test
  void forgettingExpiredEntriesNeverReopensAReplay() {
    long first = clock.wallNanos();
    window.accept(alice, UUID_A, first);
    clock.advance(Duration.ofSeconds(5));
    window.forgetExpired();
    assertThat(window.size()).isZero();
    assertThat(window.accept(alice, UUID_A, first)).isEqualTo(NonceVerdict.STALE);
  }

  private static String uuid(int i) {
    return String.format("00000000-0000-4000-8000-%012d", i);
  }
}
