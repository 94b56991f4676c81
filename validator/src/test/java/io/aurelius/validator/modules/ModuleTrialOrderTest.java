package io.aurelius.validator.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleLimits;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.config.module.ShippedModules;
import io.aurelius.core.json.Json;
import io.aurelius.judge.api.JudgeSetup;
import io.aurelius.judge.api.Judges;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.transcript.RunObserver;
import io.aurelius.worldmodel.transcript.TranscriptHeader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arms of a trial take turns, so the one that runs second (with warmer JIT and caches) is not
 * always the candidate: a module that changes nothing is not found faster.
 */
class ModuleTrialOrderTest {
  private static AgentModel sim;
  private static Judges judges;

  @BeforeAll
  static void open() {
    sim =
        AgentModels.open(List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty());
    judges = Judges.open(JudgeSetup.defaults(List.of("sim"), 0.4));
  }

  @AfterAll
  static void close() throws Exception {
    sim.close();
    judges.close();
  }

  /**
   * A memory policy with orchard_watch_promises' own window (8) and no summary: every prompt and
   * every run the same as without it.
   */
  private static Module unchanged() {
    ObjectNode doc =
        (ObjectNode)
            Json.parse(ShippedModules.bytes("recollect").orElseThrow(), "r", ModuleLimits.JSON);
    doc.put("name", "unchanged").put("memory_window", 8).put("summary", "none");
    doc.remove("older_header");
    return Modules.validate(doc, ModuleSet.BASE).module().orElseThrow();
  }

  @Test
  void theArmsTakeTurnsAcrossConfigurationsAfterAWarmUpOfBoth() {
    BenchmarkSuite suite =
        BenchmarkSuite.catalogue(
            List.of("orchard_watch_promises", "oyster_reef_commons"), List.of(1L, 2L));
    List<String> runs = Collections.synchronizedList(new ArrayList<>());
    RunObserver arms =
        new RunObserver() {
          @Override
          public void started(TranscriptHeader h) {
            if (h.framing() == Framing.values()[0]) {
              String arm =
                  h.worldModel().equals(ModuleSet.BASE.version()) ? "current" : "candidate";
              runs.add(h.configName() + " " + h.seed() + " " + arm);
            }
          }
        };
    new ModuleTrial(sim, judges, new byte[32], arms).run(suite, ModuleSet.BASE, unchanged());
    assertThat(runs)
        .containsExactly(
            // the warm-up, unmeasured
            "orchard_watch_promises 1 current",
            "orchard_watch_promises 1 candidate",
            // pair 0, 1, 2, 3
            "orchard_watch_promises 1 current",
            "orchard_watch_promises 1 candidate",
            "orchard_watch_promises 2 candidate",
            "orchard_watch_promises 2 current",
            "oyster_reef_commons 1 current",
            "oyster_reef_commons 1 candidate",
            "oyster_reef_commons 2 candidate",
            "oyster_reef_commons 2 current");
  }

  @Test
  void aModuleThatChangesNothingIsNotFasterWhenTheSecondRunOfAPairIsCheaper() {
    // Each distinct turn is slow the first time it is asked, as with cold caches; the same turn
    // asked again (the other arm of the pair) is not. Measuring the current arm first in every
    // pair made such a candidate "better" on wall_ms.
    AgentModel coldFirst = new SlowFirstSight(sim, 15);
    BenchmarkSuite suite =
        BenchmarkSuite.catalogue(
            List.of("orchard_watch_promises"), List.of(1L, 2L, 3L, 4L, 5L, 6L));
    TrialReport r =
        new ModuleTrial(coldFirst, judges, new byte[32]).run(suite, ModuleSet.BASE, unchanged());
    TrialRow dlv = r.rows().get(Metric.DLV.ordinal());
    assertThat(dlv.difference().low()).as("the same runs").isZero();
    assertThat(dlv.difference().high()).isZero();
    TrialRow tokens = r.rows().get(Metric.TOKENS_PER_SIGNAL.ordinal());
    assertThat(tokens.candidate()).isEqualTo(tokens.current());
    TrialRow wall = r.rows().get(Metric.WALL_MS.ordinal());
    assertThat(wall.current() + wall.candidate()).as("the delays count").isGreaterThan(100);
    assertThat(wall.verdict()).as(r.table()).isEqualTo("same");
    assertThat(r.passed()).isFalse();
  }

  /** Delays the reply to a request it has not seen before by {@code millis}. */
  private record SlowFirstSight(AgentModel inner, long millis, Set<String> seen)
      implements AgentModel {
    SlowFirstSight(AgentModel inner, long millis) {
      this(inner, millis, ConcurrentHashMap.newKeySet());
    }

    @Override
    public CompletableFuture<AgentReply> reply(AgentRequest r) {
      CompletableFuture<AgentReply> reply = inner.reply(r);
      String key = r.agent() + '\0' + r.seed() + '\0' + r.system() + '\0' + r.user();
      if (!seen.add(key)) {
        return reply;
      }
      return reply.thenApplyAsync(
          x -> x, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public boolean simulated() {
      return inner.simulated();
    }

    @Override
    public void close() {}
  }
}
