package io.aurelius.core.chain.subtensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.chain.substrate.SubtensorRecordings;
import io.aurelius.core.chain.substrate.scale.Bytes;
import io.aurelius.core.chain.substrate.tx.CommitHash;
import io.aurelius.core.chain.substrate.tx.ScriptedChain;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.crypto.Sr25519KeyPair;
import io.aurelius.core.identity.KeyId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The writes of {@link SubtensorChain} through the real client, runtime and metadata fetch, against
 * the fake Substrate node with a scripted {@code author_submitAndWatchExtrinsic}: a write is
 * accepted only when its block's events say it succeeded; a dispatch error is a rejection by name;
 * a subnet that requires timelocked commit-reveal is refused before anything is submitted.
 */
class SubtensorChainWritesTest {
  private static final Weights WEIGHTS = new Weights(List.of(3, 9), List.of(100, 65535));
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private final Sr25519KeyPair hotkey = Sr25519KeyPair.generate();
  private final Ed25519KeyPair coldkey = Ed25519KeyPair.generate();
  private ScriptedChain node;
  private SubtensorChain chain;

  @BeforeEach
  void start() {
    node = new ScriptedChain(SubtensorRecordings.v15());
    chain =
        SubtensorChain.connect(
            SubtensorNetwork.parse(node.node.uri().toString()), 1, progress::add);
  }

  @AfterEach
  void stop() {
    chain.close();
    node.close();
  }

  @Test
  void everyWriteIsASignedExtrinsicAcceptedOnlyOnSuccess() {
    KeyId hot = KeyId.of(hotkey.publicKey());
    assertThat(chain.register(coldkey, hotkey, Role.VALIDATOR, new Endpoint("198.51.100.4", 8091)))
        .isInstanceOf(Receipt.Accepted.class);
    assertThat(chain.setWeights(hotkey, WEIGHTS, 1).accepted()).isTrue();
    assertThat(chain.addStake(coldkey, hot, 1_000_000_000L).accepted()).isTrue();
    assertThat(chain.removeStake(coldkey, hot, 500_000_000L).accepted()).isTrue();
    assertThat(chain.transfer(coldkey, KeyId.ofAccount(new byte[32]), 1_000L).accepted()).isTrue();
    assertThat(node.submitted).hasSize(6);
    Receipt.Accepted last =
        (Receipt.Accepted) chain.serveEndpoint(hotkey, new Endpoint("198.51.100.4", 8092));
    assertThat(last.block()).isEqualTo(ScriptedChain.BLOCK_NUMBER);

    node.failWith("NotEnoughStakeToSetWeights");
    Receipt refused = chain.setWeights(hotkey, WEIGHTS, 1);
    assertThat(refused)
        .isInstanceOfSatisfying(
            Receipt.Rejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(RejectReason.NOT_ENOUGH_STAKE_TO_SET_WEIGHTS);
              assertThat(r.message()).contains("SubtensorModule.NotEnoughStakeToSetWeights");
            });
    assertThat(progress).anyMatch(l -> l.startsWith("fetching runtime metadata of"));
  }

  @Test
  void hashCommitRevealWorksAndTimelockedIsRefused() {
    node.setStorage("CommitRevealWeightsEnabled", new Value.Bool(true), Value.of(1));
    node.setStorage("CommitRevealWeightsVersion", Value.of(1));
    Salt salt = Salt.random();
    assertThat(chain.commitWeights(hotkey, WEIGHTS, salt, 1).accepted()).isTrue();
    byte[] hash = CommitHash.of(KeyId.of(hotkey.publicKey()), 1, WEIGHTS, salt, 1);
    assertThat(node.submitted.get(0)).endsWith(Bytes.of(hash).hex());
    assertThat(chain.revealWeights(hotkey, WEIGHTS, salt, 1).accepted()).isTrue();

    node.setStorage("CommitRevealWeightsVersion", Value.of(4));
    assertThatThrownBy(chain::checkWeightsSupported)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("commit-reveal v4 (drand-timelocked commits)");
    assertThatThrownBy(() -> chain.setWeights(hotkey, WEIGHTS, 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(node.submitted).hasSize(2);
  }
}
