package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Pbkdf2Test {
  @Test
  void matchesRfc7914Section11Vectors() {
    assertThat(hex(Pbkdf2.hmacSha256(ascii("passwd"), ascii("salt"), 1, 64)))
        .isEqualTo(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    assertThat(hex(Pbkdf2.hmacSha256(ascii("Password"), ascii("NaCl"), 80000, 64)))
        .isEqualTo(
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
  }

  @Test
  void refusesBadParameters() {
    assertThatThrownBy(() -> Pbkdf2.hmacSha256(new byte[1], new byte[1], 0, 32))
        .hasMessage("PBKDF2 iterations: 0 (expected: at least 1)");
    assertThatThrownBy(() -> Pbkdf2.hmacSha256(new byte[1], new byte[1], 1, 0))
        .hasMessage("PBKDF2 output: 0 bytes (expected: 1..1024)");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
