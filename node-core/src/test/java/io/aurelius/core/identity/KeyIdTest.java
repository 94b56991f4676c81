package io.aurelius.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.crypto.Ed25519PublicKey;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Sr25519KeyPair;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyIdTest {
  // Substrate's well-known dev account "Alice": public key and its generic (prefix 42) address.
  private static final String ALICE_KEY =
      "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
  private static final String ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

  @Test
  void encodesAsSs58GenericSubstrateAddress() {
    assertThat(KeyId.of(Ed25519PublicKey.fromHex(ALICE_KEY)).address()).isEqualTo(ALICE);
    assertThat(KeyId.parse(ALICE).ed25519().hex()).isEqualTo(ALICE_KEY);
  }

  @Test
  void anAddressIsTheSameAccountWhateverTheScheme() {
    byte[] account = HexFormat.of().parseHex(ALICE_KEY);
    KeyId id = KeyId.ofAccount(account);
    assertThat(id).isEqualTo(KeyId.parse(ALICE));
    assertThat(id.accountBytes()).isEqualTo(account);
    assertThat(id.verifyingKey(KeyScheme.SR25519).scheme()).isEqualTo(KeyScheme.SR25519);
    assertThat(id.verifyingKey(KeyScheme.ED25519).bytes()).isEqualTo(account);
    assertThat(KeyId.of(Sr25519KeyPair.generate().publicKey()).address()).startsWith("5");
    assertThatThrownBy(() -> KeyId.ofAccount(new byte[31])).hasMessageContaining("expected: 32");
  }

  @Test
  void aMistypedIdIsAnErrorNotAnotherKey() {
    String typo = ALICE.substring(0, 10) + "x" + ALICE.substring(11);
    assertThatThrownBy(() -> KeyId.parse(typo)).hasMessageContaining("checksum mismatch");
    assertThatThrownBy(() -> KeyId.parse("5Grw0")).hasMessageContaining("not Base58");
    assertThatThrownBy(() -> KeyId.parse("5Grw")).hasMessageContaining("expected: 35");
  }
}
