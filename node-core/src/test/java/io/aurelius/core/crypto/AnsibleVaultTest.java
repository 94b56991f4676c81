package io.aurelius.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A vault written by Ansible's VaultLib (ansible-core 2.19 via ansible-vault 4.1.0). */
class AnsibleVaultTest {
  private static final String VAULT =
      "$ANSIBLE_VAULT;1.1;AES256\n"
          + "35393731343265373034613638366461616265643031333934633037373661383664336566336166\n"
          + "3235623166653037383033333239613262396639363430350a633532356635323831633265313039\n"
          + "64303439303237323162373734306339663836303738636337363161353866663132613861623961\n"
          + "3335353838326266370a313630363364656331346237643038613864653261313937306136386665\n"
          + "31373966323335313262306564396261383230653634313230616365343336653634\n";

  @Test
  void decryptsWhatAnsibleWrote() {
    assertThat(AnsibleVault.decrypt(utf8("pässword"), utf8(VAULT)))
        .hasValueSatisfying(
            p ->
                assertThat(new String(p, StandardCharsets.UTF_8))
                    .isEqualTo("Aurelius ansible vault vector\n"));
  }

  @Test
  void wrongPasswordOrAlteredCiphertextIsEmpty() {
    assertThat(AnsibleVault.decrypt(utf8("password"), utf8(VAULT))).isEmpty();
    // The last hex digit belongs to the ciphertext.
    String altered = VAULT.substring(0, VAULT.length() - 2) + "5\n";
    assertThat(AnsibleVault.decrypt(utf8("pässword"), utf8(altered))).isEmpty();
  }

  @Test
  void malformedVaultsAreRefusedWithAReason() {
    assertThatThrownBy(() -> AnsibleVault.checkFormat(utf8("$ANSIBLE_VAULT;2.0;AES256\n00")))
        .hasMessage("Ansible Vault: version 2.0 (expected: 1.1 or 1.2)");
    assertThatThrownBy(() -> AnsibleVault.checkFormat(utf8("$ANSIBLE_VAULT;1.1;AES\n00")))
        .hasMessage("Ansible Vault: cipher AES (expected: AES256)");
    assertThatThrownBy(() -> AnsibleVault.checkFormat(utf8("$ANSIBLE_VAULT;1.1;AES256\nxyz")))
        .hasMessageStartingWith("Ansible Vault: body is not hex");
    assertThatThrownBy(() -> AnsibleVault.checkFormat(utf8(VAULT.substring(0, 200))))
        .hasMessageStartingWith("Ansible Vault: ");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
