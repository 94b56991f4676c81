package io.aurelius.core.chain.dev;

import static io.aurelius.core.chain.dev.DevChainTest.expect;
import static io.aurelius.core.chain.dev.DevNet.key;
import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.WeightSetting;
import io.aurelius.core.chain.Weights;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commit-reveal v2 on the dev chain. With netuid 7 and tempo 4, epoch indices are (block + 8) / 5:
 * blocks 2–6 are epoch 2, 7–11 epoch 3, 12–16 epoch 4, 17–21 epoch 5.
 */
class CommitRevealTest {
  @TempDir Path dir;
  private final DevNet net = new DevNet();
  private static final Weights W = new Weights(List.of(2, 3), List.of(100, 50));
  private static final Salt SALT = new Salt(List.of(7, 7, 7));

  @Test
  void weightsAreRevealedInTheEpochAfterTheCommitAndNotBeforeOrAfter() {
    try (DevChain chain = net.create(dir, DevNet.params(true))) {
      assertThat(chain.info().weightSetting()).isEqualTo(new WeightSetting.CommitReveal(1, 2));
      chain.register(key(3), key(200), Role.MINER, Endpoint.NONE);
      chain.register(key(3), key(201), Role.MINER, Endpoint.NONE);
      DevNet.sealUntilBuilding(chain, 3);
      assertThat(chain.commitWeights(key(100), W, SALT, 0).accepted()).isTrue();
      expect(chain.revealWeights(key(100), W, SALT, 0), RejectReason.REVEAL_TOO_EARLY);
      expect(chain.setWeights(key(100), W, 0), RejectReason.COMMIT_REVEAL_ENABLED);
      expect(chain.commitWeights(key(100), W, SALT, 0), RejectReason.WEIGHTS_RATE_LIMIT);

      DevNet.sealUntilBuilding(chain, 7);
      String before = StateDigest.of(DevChainTest.stateOf(chain));
      expect(
          chain.revealWeights(key(100), W, new Salt(List.of(7, 7, 8)), 0),
          RejectReason.REVEAL_MISMATCH);
      expect(
          chain.revealWeights(key(100), new Weights(List.of(2, 3), List.of(100, 51)), SALT, 0),
          RejectReason.REVEAL_MISMATCH);
      expect(chain.revealWeights(key(100), W, SALT, 1), RejectReason.REVEAL_MISMATCH);
      assertThat(StateDigest.of(DevChainTest.stateOf(chain)))
          .as("rejected reveals change nothing")
          .isEqualTo(before);
      expect(chain.revealWeights(key(101), W, SALT, 0), RejectReason.NO_WEIGHTS_COMMIT);
      assertThat(chain.revealWeights(key(100), W, SALT, 0).accepted()).isTrue();
      assertThat(chain.metagraph(true).byUid(0).orElseThrow().weights())
          .containsExactly(new NeuronInfo.UidWeight(2, 65535), new NeuronInfo.UidWeight(3, 32768));
      expect(chain.revealWeights(key(100), W, SALT, 0), RejectReason.NO_WEIGHTS_COMMIT);

      assertThat(chain.commitWeights(key(101), W, SALT, 0).accepted()).isTrue(); // epoch 3
      DevNet.sealUntilBuilding(chain, 17); // epoch 5: the reveal epoch 4 has passed
      String beforeExpired = StateDigest.of(DevChainTest.stateOf(chain));
      expect(chain.revealWeights(key(101), W, SALT, 0), RejectReason.COMMIT_EXPIRED);
      assertThat(StateDigest.of(DevChainTest.stateOf(chain))).isEqualTo(beforeExpired);
    }
  }

  @Test
  void atMostTenCommitsMayBePending() {
    SubnetParams p = DevNet.params(true);
    SubnetParams noLimit =
        new SubnetParams(
            p.netuid(),
            p.tempo(),
            p.blockIntervalMillis(),
            p.immunityPeriod(),
            p.maxUids(),
            p.maxValidators(),
            p.minNonImmuneUids(),
            p.kappa(),
            p.bondsPenalty(),
            p.bondsMovingAverage(),
            p.activityCutoff(),
            p.stakeThreshold(),
            0,
            0,
            1,
            65535,
            true,
            1,
            0,
            10,
            3,
            p.emissionPerEpoch(),
            p.ownerCut());
    try (DevChain chain = net.create(dir, noLimit)) {
      for (int i = 0; i < WeightRules.MAX_PENDING_COMMITS; i++) {
        assertThat(chain.commitWeights(key(100), W, new Salt(List.of(i)), 0).accepted()).isTrue();
      }
      expect(chain.commitWeights(key(100), W, SALT, 0), RejectReason.TOO_MANY_PENDING_COMMITS);
      DevNet.sealUntilBuilding(chain, 7); // epoch 3: the commits of epoch 1 have expired
      assertThat(chain.commitWeights(key(100), W, SALT, 0).accepted()).isTrue();
    }
  }
}
