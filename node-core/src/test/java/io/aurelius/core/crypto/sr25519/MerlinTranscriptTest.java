package io.aurelius.core.crypto.sr25519;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerlinTranscriptTest {
  @Test
  void publishedVectors() {
    int checked = 0;
    for (JsonNode v : BittensorVectors.group("merlin")) {
      MerlinTranscript t = new MerlinTranscript(v.get("protocol_label").asText());
      for (JsonNode a : v.get("appends")) {
        t.append(a.get("label").asText(), utf8(a.get("message").asText()));
      }
      byte[] challenge =
          t.challengeBytes(v.get("challenge_label").asText(), v.get("challenge_len").asInt());
      assertThat(HexFormat.of().formatHex(challenge)).isEqualTo(v.get("challenge_hex").asText());
      checked++;
    }
    assertThat(checked).isEqualTo(1);
  }

  @Test
  void copyForksTheTranscript() {
    MerlinTranscript a = new MerlinTranscript("test protocol").append("l", utf8("m"));
    MerlinTranscript b = a.copy();
    assertThat(a.challengeBytes("c", 32)).isEqualTo(b.challengeBytes("c", 32));
    a.append("x", utf8("1"));
    b.append("x", utf8("2"));
    assertThat(a.challengeBytes("c", 32)).isNotEqualTo(b.challengeBytes("c", 32));
  }

  @Test
  void witnessBytesLeaveTheTranscriptUnchangedAndDependOnTheWitness() {
    MerlinTranscript t = new MerlinTranscript("test protocol");
    MerlinTranscript untouched = t.copy();
    byte[] w1 = t.witnessBytes("w", 64, new Random(1), utf8("secret"));
    byte[] w2 = t.witnessBytes("w", 64, new Random(1), utf8("secret"));
    byte[] w3 = t.witnessBytes("w", 64, new Random(1), utf8("other"));
    assertThat(w1).isEqualTo(w2).isNotEqualTo(w3);
    assertThat(t.challengeBytes("c", 32)).isEqualTo(untouched.challengeBytes("c", 32));
  }

  /** Long messages cross the 166-byte STROBE rate several times; the PRF must still agree. */
  @Test
  void longMessagesAndChallenges() {
    byte[] big = new byte[1000];
    MerlinTranscript a = new MerlinTranscript("p").append("big", big);
    MerlinTranscript b = new MerlinTranscript("p").append("big", big);
    assertThat(a.challengeBytes("c", 500)).isEqualTo(b.challengeBytes("c", 500));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
