package io.aurelius.core.chain.dev;

import static io.aurelius.core.chain.dev.DevNet.cold;
import static io.aurelius.core.chain.dev.DevNet.hot;
import static io.aurelius.core.chain.dev.DevNet.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.aurelius.core.chain.AccountInfo;
import io.aurelius.core.chain.Endpoint;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.Role;
import io.aurelius.core.chain.Weights;
import io.aurelius.core.crypto.KeyScheme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevChainTest {
  @TempDir Path dir;
  private final DevNet net = new DevNet();

  @Test
  void genesisNeuronsHoldPermitsAndTheChainStartsAtBlockOne() {
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      Metagraph m = chain.metagraph();
      assertThat(m.netuid()).isEqualTo(7);
      assertThat(m.block()).isEqualTo(1);
      assertThat(chain.currentBlock()).isZero();
      assertThat(m.neurons()).extracting(NeuronInfo::hotkey).containsExactly(hot(100), hot(101));
      assertThat(m.neurons()).allMatch(NeuronInfo::validatorPermit);
      assertThat(chain.account(cold(1)).orElseThrow().stakes())
          .containsExactly(new AccountInfo.HotkeyStake(hot(100), 600));
      assertThat(chain.account(cold(77))).isEmpty();
      assertThat(chain.info().chainId()).isEqualTo(chain.chainId()).hasSize(64);
    }
  }

  @Test
  void minersRegisterValidatorsWeightAndTheEpochPaysByYuma() {
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      for (int m = 0; m < 3; m++) {
        Receipt r =
            chain.register(key(3), key(200 + m), Role.MINER, new Endpoint("10.0.0." + m, 8000));
        assertThat(r).isInstanceOf(Receipt.Accepted.class);
        assertThat(((Receipt.Accepted) r).block()).isEqualTo(1);
      }
      assertThat(chain.account(cold(3)).orElseThrow().balance()).isEqualTo(10_000 - 3 * 10); // burn
      DevNet.sealUntilBuilding(chain, 3); // the epoch at block 2 ran with no weights
      assertThat(chain.setWeights(key(100), weights(5000, 3000, 2000), 0).accepted()).isTrue();
      assertThat(chain.setWeights(key(101), weights(1000, 1000, 8000), 0).accepted()).isTrue();
      long stakeBefore = chain.metagraph().byUid(0).orElseThrow().stake();
      DevNet.sealUntilBuilding(chain, 8); // opening block 7 ran the epoch

      Metagraph m = chain.metagraph();
      assertThat(m.byUid(2).orElseThrow().consensus()).isCloseTo(0.5, within(1e-6));
      assertThat(m.byUid(4).orElseThrow().consensus()).isCloseTo(0.2, within(1e-6));
      // On chain the weights are max-upscaled to u16 (1000/8000 becomes 8192/65535), so the
      // hand-worked values hold to about 1e-5.
      assertThat(m.byUid(0).orElseThrow().validatorTrust()).isCloseTo(1.0, within(1e-5));
      assertThat(m.byUid(1).orElseThrow().validatorTrust()).isCloseTo(0.4, within(1e-5));
      assertThat(m.byUid(2).orElseThrow().incentive()).isCloseTo(0.34 / 0.76, within(1e-5));
      assertThat(m.byUid(1).orElseThrow().dividends()).isCloseTo(0.16 / 0.76, within(1e-5));
      NeuronInfo v0 = m.byUid(0).orElseThrow();
      assertThat(v0.emission()).isCloseTo(Math.round(500_000 * 0.60 / 0.76), within(10L));
      assertThat(v0.stake()).isEqualTo(stakeBefore + v0.emission()); // emission is staked
      assertThat(m.byUid(2).orElseThrow().emission())
          .isCloseTo(Math.round(500_000 * 0.34 / 0.76), within(10L));
      assertConserved(chain);
    }
  }

  @Test
  void theOwnerTakesItsCutFirst() {
    SubnetParams p = DevNet.params(false);
    Genesis g = DevNet.genesis(p, Optional.of(hot(100)));
    try (DevChain chain = DevChain.create(new ChainDataDir(dir), g, DevNet.AUTHORITY, net.clock)) {
      SealedBlock first = chain.seal(); // opening block 2 runs an epoch: no weights, paid by stake
      chain.seal();
      assertThat(first.epoch().orElseThrow().emitted()).isBetween(1_000_000L - 4, 1_000_000L);
      long cut = 1_000_000L * 11796 / 65535;
      NeuronInfo owner = chain.metagraph().byUid(0).orElseThrow();
      NeuronInfo other = chain.metagraph().byUid(1).orElseThrow();
      assertThat(other.emission()).isCloseTo((1_000_000 - cut) * 4 / 10, within(2L));
      assertThat(owner.emission()).isCloseTo(cut + (1_000_000 - cut) * 6 / 10, within(2L));
      assertConserved(chain);
    }
  }

  @Test
  void rejectedExtrinsicsLeaveTheStateUntouched() {
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      chain.register(key(3), key(200), Role.MINER, Endpoint.NONE);
      chain.register(key(3), key(201), Role.MINER, Endpoint.NONE);
      DevNet.sealUntilBuilding(chain, 3); // past the miners' weight rate limit (registered at 1)
      assertThat(
              chain.setWeights(key(100), new Weights(List.of(2, 3), List.of(1, 1)), 0).accepted())
          .isTrue();
      ChainState s = stateOf(chain);
      String before = StateDigest.of(s);

      var signedByOther =
          io.aurelius.core.chain.extrinsic.Extrinsic.sign(
              chain.chainId(),
              key(5),
              0,
              new io.aurelius.core.chain.extrinsic.Transfer(cold(2), 1));
      var forged =
          new io.aurelius.core.chain.extrinsic.Extrinsic(
              cold(1), KeyScheme.ED25519, 0, signedByOther.call(), signedByOther.signature());
      expect(chain.submit(forged), RejectReason.BAD_SIGNATURE);
      expect(
          chain.submit(
              io.aurelius.core.chain.extrinsic.Extrinsic.sign(
                  chain.chainId(),
                  key(1),
                  7,
                  new io.aurelius.core.chain.extrinsic.Transfer(cold(2), 1))),
          RejectReason.WRONG_NONCE);
      expect(
          chain.setWeights(key(101), new Weights(List.of(2, 9), List.of(1, 1)), 0),
          RejectReason.UNKNOWN_UID);
      expect(
          chain.setWeights(key(101), new Weights(List.of(2, 2), List.of(1, 1)), 0),
          RejectReason.DUPLICATE_UIDS);
      expect(
          chain.setWeights(key(101), new Weights(List.of(2, 3), List.of(1)), 0),
          RejectReason.WEIGHT_LENGTH_MISMATCH);
      expect(
          chain.setWeights(key(200), new Weights(List.of(3), List.of(1)), 0),
          RejectReason.NO_VALIDATOR_PERMIT);
      expect(
          chain.setWeights(key(100), new Weights(List.of(2), List.of(1)), 0),
          RejectReason.WEIGHTS_RATE_LIMIT);
      expect(
          chain.setWeights(key(300), new Weights(List.of(2), List.of(1)), 0),
          RejectReason.NOT_REGISTERED);
      expect(
          chain.submit(
              io.aurelius.core.chain.extrinsic.Extrinsic.sign(
                  chain.chainId(),
                  key(101),
                  0,
                  new io.aurelius.core.chain.extrinsic.SetWeights(
                      8, new Weights(List.of(2), List.of(1)), 0))),
          RejectReason.WRONG_NETUID);
      expect(
          chain.register(key(3), key(200), Role.MINER, Endpoint.NONE),
          RejectReason.ALREADY_REGISTERED);
      expect(
          chain.register(key(1), key(201), Role.MINER, Endpoint.NONE),
          RejectReason.ALREADY_REGISTERED);
      var badProof =
          new io.aurelius.core.chain.extrinsic.Register(
              7, hot(202), KeyScheme.ED25519, Role.MINER, Endpoint.NONE, "00".repeat(64));
      expect(
          chain.submit(
              io.aurelius.core.chain.extrinsic.Extrinsic.sign(
                  chain.chainId(), key(3), 2, badProof)),
          RejectReason.BAD_SIGNATURE);
      expect(chain.addStake(key(3), hot(100), 5), RejectReason.NOT_HOTKEY_OWNER);
      expect(chain.addStake(key(1), hot(555), 5), RejectReason.NOT_REGISTERED);
      expect(
          chain.removeStake(key(1), hot(100), 1_000_000_000_000L), RejectReason.INSUFFICIENT_STAKE);
      expect(chain.transfer(key(1), cold(2), 10_001), RejectReason.INSUFFICIENT_BALANCE);
      expect(
          chain.commitWeights(
              key(100),
              new Weights(List.of(2), List.of(1)),
              io.aurelius.core.chain.Salt.random(),
              0),
          RejectReason.COMMIT_REVEAL_DISABLED);
      assertThat(StateDigest.of(s)).as("no rejection changed anything").isEqualTo(before);

      assertThat(chain.transfer(key(1), cold(2), 1).accepted()).isTrue();
      assertThat(StateDigest.of(s)).as("an accepted extrinsic does").isNotEqualTo(before);
    }
  }

  @Test
  void validatorsNeedMinimumLengthsAndMayAlwaysSetALoneSelfWeight() {
    SubnetParams p = DevNet.params(false);
    SubnetParams strict =
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
            5,
            3,
            40000,
            false,
            1,
            500,
            p.registrationBurn(),
            p.maxRegistrationsPerBlock(),
            p.emissionPerEpoch(),
            p.ownerCut());
    try (DevChain chain = net.create(dir, strict)) {
      chain.register(key(3), key(200), Role.MINER, Endpoint.NONE);
      chain.register(key(3), key(201), Role.MINER, Endpoint.NONE);
      expect(
          chain.setWeights(key(100), new Weights(List.of(2, 3), List.of(1, 1)), 5),
          RejectReason.TOO_FEW_WEIGHTS);
      expect(
          chain.setWeights(key(100), new Weights(List.of(1, 2, 3), List.of(1, 1, 1)), 4),
          RejectReason.VERSION_KEY_TOO_LOW);
      expect(
          chain.setWeights(key(101), new Weights(List.of(0, 2, 3), List.of(1, 1, 1)), 5),
          RejectReason.NOT_ENOUGH_STAKE_TO_SET_WEIGHTS);
      expect(
          chain.setWeights(key(100), new Weights(List.of(1, 2, 3), List.of(65535, 1, 1)), 5),
          RejectReason.MAX_WEIGHT_EXCEEDED);
      assertThat(
              chain
                  .setWeights(key(100), new Weights(List.of(1, 2, 3), List.of(100, 90, 90)), 5)
                  .accepted())
          .isTrue();
      assertThat(chain.metagraph(true).byUid(0).orElseThrow().weights())
          .containsExactly(
              new NeuronInfo.UidWeight(1, 65535),
              new NeuronInfo.UidWeight(2, 58982),
              new NeuronInfo.UidWeight(3, 58982));
      assertThat(chain.setWeights(key(200), new Weights(List.of(2), List.of(3)), 5).accepted())
          .as("a miner's lone self-weight")
          .isFalse(); // below weights-min-stake: 0 < 500
    }
  }

  @Test
  void stakeMovesBetweenBalanceAndHotkeyAndTransfersMoveBalance() {
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      assertThat(chain.addStake(key(1), hot(100), 400).accepted()).isTrue();
      assertThat(chain.removeStake(key(1), hot(100), 100).accepted()).isTrue();
      assertThat(chain.transfer(key(1), cold(50), 1_234).accepted()).isTrue();
      AccountInfo one = chain.account(cold(1)).orElseThrow();
      assertThat(one.balance()).isEqualTo(10_000 - 400 + 100 - 1_234);
      assertThat(one.nonce()).isEqualTo(3);
      assertThat(one.stakes()).containsExactly(new AccountInfo.HotkeyStake(hot(100), 900));
      assertThat(chain.account(cold(50)).orElseThrow().balance()).isEqualTo(1_234);
      assertConserved(chain);
    }
  }

  @Test
  void registrationsPerBlockAreLimited() {
    try (DevChain chain = net.create(dir, DevNet.params(false))) {
      for (int m = 0; m < 3; m++) {
        assertThat(chain.register(key(3), key(200 + m), Role.MINER, Endpoint.NONE).accepted())
            .isTrue();
      }
      expect(
          chain.register(key(3), key(203), Role.MINER, Endpoint.NONE),
          RejectReason.TOO_MANY_REGISTRATIONS_THIS_BLOCK);
      chain.seal();
      assertThat(chain.register(key(3), key(203), Role.MINER, Endpoint.NONE).accepted()).isTrue();
    }
  }

  @Test
  void aFullSubnetReplacesTheLowestEmissionNonImmuneUid() {
    SubnetParams p = DevNet.params(false);
    SubnetParams four =
        new SubnetParams(
            p.netuid(),
            p.tempo(),
            p.blockIntervalMillis(),
            3,
            4,
            2,
            0,
            p.kappa(),
            p.bondsPenalty(),
            p.bondsMovingAverage(),
            p.activityCutoff(),
            p.stakeThreshold(),
            0,
            0,
            1,
            65535,
            false,
            1,
            0,
            0,
            3,
            p.emissionPerEpoch(),
            p.ownerCut());
    try (DevChain chain = net.create(dir, four)) {
      chain.register(key(3), key(200), Role.MINER, Endpoint.NONE); // uid 2
      chain.register(key(3), key(201), Role.MINER, Endpoint.NONE); // uid 3
      chain.seal();
      assertThat(chain.setWeights(key(100), new Weights(List.of(3), List.of(1)), 0).accepted())
          .isTrue();
      assertThat(chain.setWeights(key(101), new Weights(List.of(3), List.of(1)), 0).accepted())
          .isTrue();
      DevNet.sealUntilBuilding(
          chain, 8); // epoch at 7 pays UIDs 0, 1 and 3; UIDs 2, 3 no longer immune
      assertThat(chain.metagraph().byUid(3).orElseThrow().emission()).isPositive();
      assertThat(chain.metagraph().byUid(2).orElseThrow().emission()).isZero();
      assertThat(chain.metagraph().byUid(2).orElseThrow().immune()).isFalse();
      Receipt r = chain.register(key(3), key(202), Role.MINER, new Endpoint("10.9.9.9", 1));
      assertThat(r.accepted()).isTrue();
      Metagraph m = chain.metagraph();
      assertThat(m.size()).isEqualTo(4);
      assertThat(m.byUid(2).orElseThrow().hotkey()).isEqualTo(hot(202));
      assertThat(m.byUid(2).orElseThrow().immune()).isTrue();
      assertThat(m.isRegistered(hot(200))).isFalse();
      // The pruned hotkey keeps its stake and its owner can still unstake or re-register it.
      assertThat(chain.account(cold(3)).orElseThrow().stakes())
          .extracting(AccountInfo.HotkeyStake::hotkey)
          .contains(hot(200));
    }
  }

  @Test
  void whenOnlyImmuneUidsAreLeftTheBestImmuneOneIsReplaced() {
    SubnetParams p = DevNet.params(false);
    SubnetParams four =
        new SubnetParams(
            p.netuid(),
            p.tempo(),
            p.blockIntervalMillis(),
            100,
            4,
            2,
            0,
            p.kappa(),
            p.bondsPenalty(),
            p.bondsMovingAverage(),
            p.activityCutoff(),
            p.stakeThreshold(),
            0,
            0,
            1,
            65535,
            false,
            1,
            0,
            0,
            3,
            p.emissionPerEpoch(),
            p.ownerCut());
    try (DevChain chain = net.create(dir, four)) {
      chain.register(key(3), key(200), Role.MINER, Endpoint.NONE);
      chain.register(key(3), key(201), Role.MINER, Endpoint.NONE);
      chain.seal(); // opening block 2 ran an epoch: validators earned, miners did not
      assertThat(chain.metagraph().neurons()).allMatch(NeuronInfo::immune);
      assertThat(chain.register(key(3), key(202), Role.MINER, Endpoint.NONE).accepted()).isTrue();
      // Lowest emission (both miners 0), then earliest registration (both 1), then lower UID.
      assertThat(chain.metagraph().byUid(2).orElseThrow().hotkey()).isEqualTo(hot(202));
      assertThat(chain.metagraph().byUid(3).orElseThrow().hotkey()).isEqualTo(hot(201));
    }
  }

  @Test
  void theOwnerIsNeverPrunedSoAFullSubnetOfTheOwnerRefuses() {
    SubnetParams p = DevNet.params(false);
    SubnetParams one =
        new SubnetParams(
            p.netuid(),
            p.tempo(),
            p.blockIntervalMillis(),
            0,
            1,
            1,
            0,
            p.kappa(),
            p.bondsPenalty(),
            p.bondsMovingAverage(),
            p.activityCutoff(),
            p.stakeThreshold(),
            0,
            0,
            1,
            65535,
            false,
            1,
            0,
            0,
            3,
            p.emissionPerEpoch(),
            p.ownerCut());
    Genesis g =
        new Genesis(
            one,
            Optional.empty(),
            Optional.of(hot(100)),
            List.of(new Genesis.Account(cold(3), 100)),
            List.of(
                new Genesis.Neuron(
                    hot(100), KeyScheme.ED25519, cold(1), Role.VALIDATOR, Endpoint.NONE, 1)));
    try (DevChain chain = DevChain.create(new ChainDataDir(dir), g, DevNet.AUTHORITY, net.clock)) {
      expect(chain.register(key(3), key(200), Role.MINER, Endpoint.NONE), RejectReason.SUBNET_FULL);
    }
  }

  static Weights weights(int a, int b, int c) {
    return new Weights(List.of(2, 3, 4), List.of(a, b, c));
  }

  static void expect(Receipt receipt, RejectReason reason) {
    assertThat(receipt).isInstanceOf(Receipt.Rejected.class);
    assertThat(((Receipt.Rejected) receipt).reason()).as(receipt.toString()).isEqualTo(reason);
    assertThat(((Receipt.Rejected) receipt).message()).doesNotContain("\n");
  }

  static ChainState stateOf(DevChain chain) {
    try {
      var f = DevChain.class.getDeclaredField("machine");
      f.setAccessible(true);
      return ((StateMachine) f.get(chain)).state;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Nothing is created or lost: issuance equals every balance plus every stake. */
  static void assertConserved(DevChain chain) {
    ChainState s = stateOf(chain);
    long total = 0;
    for (ChainState.Account a : s.accounts.values()) {
      total += a.balance;
    }
    for (ChainState.Hotkey h : s.hotkeys.values()) {
      total += h.stake;
    }
    assertThat(total).isEqualTo(chain.issuance());
  }
}
