package io.aurelius.core.transport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.KeyScheme;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureBenchTest {
  @Test
  void measuresEverySchemesSignAndVerify() {
    List<SignatureBench.Figures> all = SignatureBench.measureAll(Duration.ofMillis(20));
    assertThat(all).extracting(SignatureBench.Figures::scheme).containsExactly(KeyScheme.values());
    for (SignatureBench.Figures f : all) {
      assertThat(f.signsPerSecond()).isPositive();
      assertThat(f.verifiesPerSecond()).isPositive();
      assertThat(f.lines())
          .hasSize(2)
          .satisfiesExactly(
              sign ->
                  assertThat(sign)
                      .matches(
                          f.scheme()
                              + " sign +[0-9,]+ /s +[0-9.]+ µs  \\(one thread, same run, best of 3\\)"),
              verify ->
                  assertThat(verify)
                      .matches(
                          f.scheme()
                              + " verify +[0-9,]+ /s +[0-9.]+ µs  \\(one thread, same run, best of 3\\)"));
    }
  }

  @Test
  void refusesAnEmptyWindow() {
    assertThatThrownBy(() -> SignatureBench.measureAll(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window: PT0S (expected: positive)");
  }

  @Test
  void theRoundTripsTakeEd25519Hotkeys() {
    ProtocolBenchmark.checkScheme(KeyScheme.ED25519);
  }

  /**
   * Key ids hold Ed25519 keys until btauth/1; this test changes when the protocol learns sr25519.
   */
  @Test
  void theRoundTripsDoNotYetTakeSr25519Hotkeys() {
    assertThatThrownBy(() -> ProtocolBenchmark.checkScheme(KeyScheme.SR25519))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scheme sr25519: the protocol does not take sr25519 hotkeys yet, so round trips"
                + " cannot use them (expected: ed25519)");
  }
}
