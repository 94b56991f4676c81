package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.Salt;
import io.aurelius.core.chain.Weights;
import io.aurelius.validator.epoch.EpochListener;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.store.ValidatorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 16, finding 2: an epoch is never dropped. A validator is killed at every step boundary of
 * epoch 3 (right after the step has stored its output, which is where a SIGKILL leaves the state
 * store, each step being one transaction) and restarted once the chain is one epoch and three
 * epochs further on. An epoch killed once consensus has accepted its aenes is finished: each
 * accepted aene anchored once, its weights sent. One killed before consensus has accepted nothing
 * and is recorded as abandoned. In process, the kill being an exception from the step's listener;
 * {@link CrashResumeIT} kills a child JVM with SIGKILL.
 */
class EpochBoundariesIT {
  private static final long EPOCH = 3;
  private static final List<String> STEPS =
      List.of(
          "sync",
          "admit",
          "simulate",
          "score",
          "verdicts",
          "consensus",
          "anchor",
          "cosign",
          "publish",
          "weights");
  private static final Set<String> BEFORE_CONSENSUS =
      Set.of("sync", "admit", "simulate", "score", "verdicts");

  @TempDir Path dir;

  static Stream<Arguments> boundaries() {
    return STEPS.stream().flatMap(s -> Stream.of(Arguments.of(s, 1), Arguments.of(s, 3)));
  }

  @ParameterizedTest(name = "killed after {0}, restarted {1} epoch(s) later")
  @MethodSource("boundaries")
  void anEpochKilledAtAStepBoundaryIsNeverDropped(String killedAfter, int later) throws Exception {
    try (TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1)))) {
      net.sealUntilEpoch(EPOCH);
      killAfter(net, killedAfter);

      net.sealUntilEpoch(EPOCH + later);
      Events events = new Events();
      ValidatorService restarted = restart(net, events);
      List<EpochReport> finished = restarted.finishInterrupted();

      if (BEFORE_CONSENSUS.contains(killedAfter)) {
        assertThat(finished).as("nothing was accepted: nothing to finish").isEmpty();
        assertThat(events.steps).contains(EPOCH + " abandoned");
      } else {
        assertThat(finished).hasSize(1);
        EpochReport late = finished.get(0);
        assertThat(late.epoch()).isEqualTo(EPOCH);
        assertThat(late.aenesAccepted()).as("epoch 3's accepted aenes").isPositive();
        assertThat(late.checkpoint().orElseThrow().size())
            .as("each accepted aene anchored exactly once")
            .isEqualTo(late.aenesAccepted());
        assertThat(late.weights().action()).as("the chain still takes them").isEqualTo("committed");
        assertThat(late.weights().status()).isEqualTo("accepted");
      }
      assertThat(restarted.finishInterrupted()).as("settled: not finished twice").isEmpty();
      assertThat(events.steps).doesNotContain(EPOCH + " " + killedAfter);
    }
  }

  /**
   * The chain no longer takes an epoch's weights once a later epoch has sent its own (an epoch that
   * failed when finished late is retried before each later one): its aenes are still anchored, and
   * its record says the weights were not sent, and why.
   */
  @Test
  void anEpochFinishedAfterALaterOneSentWeightsAnchorsButRecordsItsWeightsAsSuperseded()
      throws Exception {
    try (TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1)))) {
      net.sealUntilEpoch(EPOCH);
      killAfter(net, "consensus");
      net.sealUntilEpoch(EPOCH + 2);
      ValidatorService restarted = restart(net, new Events());
      EpochReport now = restarted.runEpoch(EPOCH + 2);
      assertThat(now.weights().action()).isEqualTo("committed");

      EpochReport late = restarted.finishInterrupted().get(0);
      assertThat(late.epoch()).isEqualTo(EPOCH);
      assertThat(late.aenesAccepted()).isPositive();
      assertThat(late.checkpoint().orElseThrow().size())
          .isEqualTo(now.aenesAccepted() + late.aenesAccepted());
      assertThat(late.weights().action()).isEqualTo("superseded");
      assertThat(late.weights().status()).contains("epoch " + (EPOCH + 2));
    }
  }

  /**
   * The chain no longer takes this validator's weights (its queue of unrevealed commits is full):
   * the epoch is still finished, and its record says the weights were refused, and why.
   */
  @Test
  void anEpochWhoseWeightsTheChainRefusesIsFinishedAndRecordsTheRefusal() throws Exception {
    try (TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1)))) {
      net.sealUntilEpoch(EPOCH);
      killAfter(net, "consensus");
      net.sealUntilEpoch(EPOCH + 1);
      for (int i = 0; i < 10; i++) {
        Receipt r =
            net.chain.commitWeights(
                net.validatorKeys.get(0),
                new Weights(List.of(1), List.of(65535)),
                Salt.random(),
                0);
        assertThat(r.accepted()).as(r.toString()).isTrue();
      }

      EpochReport late = restart(net, new Events()).finishInterrupted().get(0);
      assertThat(late.aenesAccepted()).isPositive();
      assertThat(late.checkpoint().orElseThrow().size()).isEqualTo(late.aenesAccepted());
      assertThat(late.weights().action()).isEqualTo("refused");
      assertThat(late.weights().status()).startsWith("too_many_pending_commits");
    }
  }

  /** Runs epoch 3 on a validator that dies as soon as {@code step} has stored its output. */
  private static void killAfter(TestNet net, String step) throws Exception {
    ValidatorService v =
        ValidatorService.builder(TestNet.settings(net.home(0)), net.validatorKeys.get(0))
            .chain(net.chain)
            .transport(io.aurelius.core.transport.netty.NettyTransport.INSTANCE)
            .autoEpochs(false)
            .listener(
                new EpochListener() {
                  @Override
                  public void step(long epoch, String name, String summary) {
                    if (name.equals(step)) {
                      throw new Killed(step);
                    }
                  }
                })
            .build();
    v.start();
    try {
      assertThatThrownBy(() -> v.runEpoch(EPOCH)).isInstanceOf(Killed.class);
    } finally {
      v.stop();
    }
    try (ValidatorStore store = ValidatorStore.open(stateDb(net))) {
      assertThat(store.done(EPOCH, step)).isTrue();
      assertThat(store.done(EPOCH, "done")).isFalse();
    }
  }

  private static ValidatorService restart(TestNet net, Events events) throws Exception {
    ValidatorService v =
        ValidatorService.builder(TestNet.settings(net.home(0)), net.validatorKeys.get(0))
            .chain(net.chain)
            .transport(io.aurelius.core.transport.netty.NettyTransport.INSTANCE)
            .autoEpochs(false)
            .listener(events)
            .build();
    v.start();
    net.validators.add(v);
    return v;
  }

  private static Path stateDb(TestNet net) {
    return net.home(0).resolve("validator").resolve("state.db");
  }

  private static final class Killed extends RuntimeException {
    Killed(String step) {
      super("killed after " + step);
    }
  }

  /** The steps that stored output after the restart, as {@code "<epoch> <step>"}. */
  private static final class Events implements EpochListener {
    final List<String> steps = new ArrayList<>();

    @Override
    public synchronized void step(long epoch, String step, String summary) {
      steps.add(epoch + " " + step);
    }
  }
}
