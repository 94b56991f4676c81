package io.aurelius.anchoring.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519KeyPair;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedNoteTest {
  /** The example of the C2SP signed-note spec (v1.0.0). */
  private static final String EXAMPLE_KEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

  private static final String EXAMPLE_NOTE =
      "This is an example message.\n\n"
          + "\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  @Test
  void specExampleVerifies() throws NoteException {
    VerifierKey key = VerifierKey.parse(EXAMPLE_KEY);
    assertThat(key.name()).isEqualTo("example.com/foo");
    assertThat(key.keyIdHex()).isEqualTo("530d903a");
    assertThat(key.format()).isEqualTo(EXAMPLE_KEY);
    SignedNote note = SignedNote.parse(EXAMPLE_NOTE);
    assertThat(note.text()).isEqualTo("This is an example message.\n");
    assertThat(note.format()).isEqualTo(EXAMPLE_NOTE);
    NoteVerifier.requireSignedBy(note, key);
  }

  @Test
  void alteredTextOrWrongKeyFails() throws NoteException {
    VerifierKey key = VerifierKey.parse(EXAMPLE_KEY);
    SignedNote altered =
        SignedNote.parse(EXAMPLE_NOTE.replace("example message", "exemple message"));
    assertThatThrownBy(() -> NoteVerifier.requireSignedBy(altered, key))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessage("note: signature by example.com/foo+530d903a does not verify");
    VerifierKey other = new NoteSigner("example.com/foo", Ed25519KeyPair.generate()).verifierKey();
    assertThatThrownBy(() -> NoteVerifier.requireSignedBy(SignedNote.parse(EXAMPLE_NOTE), other))
        .hasMessageStartingWith("note: no signature by example.com/foo+")
        .hasMessageEndingWith("(signed by: example.com/foo+530d903a)");
  }

  @Test
  void malformedNotesAreRejectedWithOneLine() {
    assertThatThrownBy(() -> SignedNote.parse("text\n\n- example.com/foo AAAA\n"))
        .isInstanceOf(MalformedNoteException.class)
        .hasMessageContaining("signature line 1");
    assertThatThrownBy(() -> SignedNote.parse("text\n"))
        .hasMessage("note: no blank line before the signatures");
    assertThatThrownBy(() -> SignedNote.parse("text\n\n\u2014 a b c\n"))
        .hasMessageContaining("expected: '\u2014 <name> <base64>'");
    assertThatThrownBy(() -> SignedNote.parse("te\u0001xt\n\n\u2014 a AAAAAAA=\n"))
        .hasMessageContaining("control character 0x1");
    assertThatThrownBy(() -> SignedNote.parse("text\n\n\u2014 a AAAA\n"))
        .hasMessageContaining("3-byte signature field");
    assertThatThrownBy(
            () ->
                VerifierKey.parse(
                    "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"))
        .isInstanceOf(MalformedNoteException.class)
        .hasMessageContaining("key id 530d903b (expected: 530d903a");
  }

  @Test
  void checkpointRoundTripAndLimits() throws NoteException {
    Checkpoint c = new Checkpoint("aurelius.test/log", 12345, new byte[32], List.of("ext one"));
    assertThat(c.text())
        .isEqualTo(
            "aurelius.test/log\n12345\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\next one\n");
    assertThat(Checkpoint.parse(c.text())).isEqualTo(c);
    String root = c.rootBase64();
    assertThatThrownBy(() -> Checkpoint.parse("o\n18446744073709551615\n" + root + "\n"))
        .hasMessage("checkpoint size: 18446744073709551615 (expected: 0..9223372036854775807)");
    assertThatThrownBy(() -> Checkpoint.parse("o\n012\n" + root + "\n"))
        .hasMessageContaining("without leading zeros");
    assertThatThrownBy(() -> Checkpoint.parse("o\n12\nAAAA\n"))
        .hasMessageContaining("3 bytes (expected: 32");
    assertThatThrownBy(() -> Checkpoint.parse("o\n12\n" + root + "\n\n"))
        .hasMessage("checkpoint: empty extension line");
  }

  @Test
  void cosignaturesVerifyAndCountTowardsQuorum() throws NoteException {
    NoteSigner log = new NoteSigner("aurelius.test/log", Ed25519KeyPair.generate());
    NoteSigner w1 = new NoteSigner("witness-1", Ed25519KeyPair.generate());
    NoteSigner w2 = new NoteSigner("witness-2", Ed25519KeyPair.generate());
    NoteSigner w3 = new NoteSigner("witness-3", Ed25519KeyPair.generate());
    String text = new Checkpoint("aurelius.test/log", 7, new byte[32]).text();
    SignedNote note = log.signNote(text).withSignature(w1.cosign(text, 1_700_000_000L));
    WitnessQuorum quorum =
        new WitnessQuorum(
            Map.of(w1.cosignerKey(), 40L, w2.cosignerKey(), 30L, w3.cosignerKey(), 30L),
            StakeThreshold.parse("2/3"));

    WitnessQuorum.Assessment one = quorum.assess(SignedNote.parse(note.bytes()));
    assertThat(one.witnessed()).isFalse();
    assertThat(one.signedStake()).isEqualTo(BigInteger.valueOf(40));

    SignedNote two = note.withSignature(w2.cosign(text, 1_700_000_001L));
    WitnessQuorum.Assessment both = quorum.assess(SignedNote.parse(two.bytes()));
    assertThat(both.witnessed()).isTrue();
    assertThat(new NoteVerifier(List.of(w1.cosignerKey())).verify(two).get(0).cosignedAt())
        .hasValue(1_700_000_000L);
    NoteVerifier.requireSignedBy(two, log.verifierKey());

    // A cosignature over a different checkpoint, moved onto this one, does not verify.
    String other = new Checkpoint("aurelius.test/log", 8, new byte[32]).text();
    SignedNote forged = note.withSignature(w2.cosign(other, 1_700_000_001L));
    assertThatThrownBy(() -> quorum.assess(forged))
        .hasMessage(
            "note: cosignature by witness-2+" + w2.cosignerKey().keyIdHex() + " does not verify");
    // The log's type-01 key does not count as a cosigner, and a witness key is not a log key.
    assertThatThrownBy(
            () ->
                NoteVerifier.requireSignedBy(
                    two,
                    VerifierKey.of("witness-1", KeyType.ED25519, w1.cosignerKey().publicKey())))
        .hasMessageStartingWith("note: no signature by witness-1+");
  }

  @Test
  void thresholdParsing() {
    assertThat(
            StakeThreshold.parse("0.67").isMetBy(BigInteger.valueOf(67), BigInteger.valueOf(100)))
        .isTrue();
    assertThat(StakeThreshold.parse("67%").isMetBy(BigInteger.valueOf(66), BigInteger.valueOf(100)))
        .isFalse();
    assertThat(StakeThreshold.parse("2/3").isMetBy(BigInteger.TWO, BigInteger.valueOf(3))).isTrue();
    assertThatThrownBy(() -> StakeThreshold.parse("3/2"))
        .hasMessageContaining("expected: in (0, 1]");
    assertThatThrownBy(() -> StakeThreshold.parse("most"))
        .hasMessageContaining("expected: a fraction");
  }
}
