package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.identity.KeyId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryPeerDirectoryTest {
  private final KeyId a = KeyId.of(Ed25519KeyPair.generate().publicKey());
  private final KeyId b = KeyId.of(Ed25519KeyPair.generate().publicKey());

  @Test
  void registersBansAndRemoves() {
    InMemoryPeerDirectory directory =
        new InMemoryPeerDirectory().register(a, KeyScheme.SR25519, 5).ban(b, "spam");
    assertThat(directory.standing(a)).isEqualTo(new PeerStanding.Registered(5, KeyScheme.SR25519));
    assertThat(directory.standing(b)).isEqualTo(new PeerStanding.Banned("spam"));
    directory.remove(a);
    assertThat(directory.standing(a)).isEqualTo(PeerStanding.UNREGISTERED);
  }

  @Test
  void swapsWholeSnapshots() {
    InMemoryPeerDirectory directory = new InMemoryPeerDirectory().register(a, KeyScheme.SR25519, 5);
    directory.replaceAll(Map.of(b, new PeerStanding.Registered(7, KeyScheme.ED25519)));
    assertThat(directory.standing(a)).isEqualTo(PeerStanding.UNREGISTERED);
    assertThat(directory.standing(b)).isEqualTo(new PeerStanding.Registered(7, KeyScheme.ED25519));
  }
}
