package io.aurelius.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LowerHexTest {
  @Test
  void acceptsOnlyDigitsAndLowercaseAToFWithinTheRange() {
    assertThat(LowerHex.isLowerHex("0123456789abcdef", 16)).isTrue();
    assertThat(LowerHex.isLowerHex("0123456789abcdef", 15)).isFalse();
    assertThat(LowerHex.isLowerHex("0123456789abcdeF", 16)).isFalse();
    assertThat(LowerHex.isLowerHex("xx00ffyy", 2, 6)).isTrue();
    assertThat(LowerHex.isLowerHex("xx00fgyy", 2, 6)).isFalse();
    for (char c : new char[] {'/', ':', '`', 'g', 'A', ' '}) {
      assertThat(LowerHex.isLowerHex(String.valueOf(c), 1)).as("'%s'", c).isFalse();
    }
  }
}
