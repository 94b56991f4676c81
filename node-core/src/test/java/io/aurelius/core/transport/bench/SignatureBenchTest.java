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
}
