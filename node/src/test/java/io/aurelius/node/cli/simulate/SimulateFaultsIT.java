package io.aurelius.node.cli.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.node.cli.CommandRunner;
import io.aurelius.node.cli.ExitCode;
import io.aurelius.worldmodel.sim.server.FaultPlan;
import io.aurelius.worldmodel.sim.server.LatencyDistribution;
import io.aurelius.worldmodel.sim.server.SimLlmServer;
import io.aurelius.worldmodel.transcript.ReplyRecord;
import io.aurelius.worldmodel.transcript.RunEnd;
import io.aurelius.worldmodel.transcript.StepRecord;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import io.aurelius.worldmodel.transcript.TurnRecord;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input end to end: {@code aurelius simulate} against sim-llm over real HTTP with faults, and
 * configurations whose mechanics fail at run time. Every run finishes, every failure is in the
 * transcript with a reason, nothing crashes.
 */
class SimulateFaultsIT {
  @TempDir Path dir;
  private SimLlmServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private String model(FaultPlan plan) throws Exception {
    server = SimLlmServer.start(new InetSocketAddress("127.0.0.1", 0), plan, 8);
    return "openai:" + server.openAiBaseUrl() + "#sim";
  }

  private CommandRunner.Result simulate(String... args) {
    return new CommandRunner(Map.of(), dir).run(args);
  }

  private List<Transcript> transcript() throws Exception {
    return TranscriptReader.read(dir.resolve("t.jsonl"));
  }

  private static List<TurnRecord> turns(List<Transcript> runs) {
    return runs.stream().flatMap(t -> t.steps().stream()).flatMap(s -> s.turns().stream()).toList();
  }

  private Path resource(String name) throws Exception {
    Path file = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream(name)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void serverErrorsAndRateLimitsForAWhileAreRetriedAndEachIsRecorded() throws Exception {
    String model = model(FaultPlan.NONE.withErrors(0.5, 1).withFaultRequests(12));
    CommandRunner.Result r =
        simulate(
            "simulate",
            "catalogue:oyster_reef_commons",
            "--model",
            model,
            "--out",
            "t.jsonl",
            "--attempts",
            "4");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    List<Transcript> runs = transcript();
    assertThat(runs)
        .hasSize(2)
        .allSatisfy(
            t -> assertThat(t.end().orElseThrow().status()).isNotEqualTo(RunEnd.Status.FAILED));
    List<String> incidents =
        turns(runs).stream().flatMap(t -> t.reply().incidents().stream()).toList();
    assertThat(incidents)
        .hasSize(12)
        .allSatisfy(
            i ->
                assertThat(i)
                    .containsAnyOf("429 rate limited", "5xx server error: sim-llm: injected"));
    assertThat(server.stats().serverErrors() + server.stats().rateLimited()).isEqualTo(12);
    assertThat(turns(runs))
        .allSatisfy(t -> assertThat(t.reply().outcome()).isEqualTo(ReplyRecord.DECIDED));
  }

  @Test
  void garbageOutputBecomesRecordedInvalidActions() throws Exception {
    String model = model(FaultPlan.NONE.withMalformed(1));
    CommandRunner.Result r =
        simulate(
            "simulate",
            "catalogue:keel_sale_trust",
            "--model",
            model,
            "--out",
            "t.jsonl",
            "--framing",
            "immersive");
    // Every turn was refused, so the run produced no aene: that is a failure (exit 1), but the
    // transcript with every invalid turn is still written.
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.FAILURE);
    assertThat(r.out()).contains("aenes: 0");
    List<TurnRecord> turns = turns(transcript());
    assertThat(turns)
        .isNotEmpty()
        .allSatisfy(
            t -> {
              assertThat(t.valid()).isFalse();
              assertThat(t.reply().outcome()).isEqualTo(ReplyRecord.MALFORMED);
              assertThat(t.invalidReason())
                  .hasValueSatisfying(reason -> assertThat(reason).startsWith("malformed reply: "));
              assertThat(t.reply().raw()).isNotEmpty();
              assertThat(t.reply().calls()).isEqualTo(2);
            });
    assertThat(transcript().get(0).end().orElseThrow().status()).isNotEqualTo(RunEnd.Status.FAILED);
  }

  @Test
  void hangsTimeOutAndAreRetriedOrRecorded() throws Exception {
    String model = model(FaultPlan.NONE.withHangs(0.3, Duration.ofSeconds(30)));
    CommandRunner.Result r =
        simulate(
            "simulate",
            "catalogue:oyster_reef_commons",
            "--model",
            model,
            "--out",
            "t.jsonl",
            "--framing",
            "control",
            "--timeout",
            "400ms",
            "--attempts",
            "2");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    List<TurnRecord> turns = turns(transcript());
    assertThat(turns.stream().flatMap(t -> t.reply().incidents().stream()))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i).contains("no answer within 400 ms"));
    assertThat(turns)
        .allSatisfy(
            t -> {
              if (!t.reply().outcome().equals(ReplyRecord.DECIDED)) {
                assertThat(t.invalidReason())
                    .hasValueSatisfying(x -> assertThat(x).startsWith("no reply: "));
              }
            });
    assertThat(server.stats().hangs()).isPositive();
  }

  @Test
  void aMechanicThatThrowsIsRecordedAndTheStepGoesOn() throws Exception {
    Path config = resource("pond_divides_by_zero.json");
    CommandRunner.Result r =
        simulate("simulate", config.toString(), "--out", "t.jsonl", "--framing", "immersive");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(r.out()).contains("mechanic failures: 3");
    Transcript t = transcript().get(0);
    assertThat(t.end().orElseThrow().status()).isEqualTo(RunEnd.Status.COMPLETED);
    assertThat(t.steps()).hasSize(4);
    assertThat(t.steps().get(0).failures()).isEmpty();
    for (StepRecord s : t.steps().subList(1, 4)) {
      assertThat(s.failures())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.where()).isEqualTo("$.dynamics[1].to");
                assertThat(f.reason()).contains("/ by zero");
              });
      assertThat(s.turns()).hasSize(2);
    }
  }

  @Test
  void theIterationAndEvaluationBudgetsStopMechanicsAndSayWhy() throws Exception {
    Path config = resource("pond_iterates_too_much.json");
    CommandRunner.Result r =
        simulate("simulate", config.toString(), "--out", "t.jsonl", "--framing", "immersive");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK);
    assertThat(transcript().get(0).steps())
        .allSatisfy(
            s ->
                assertThat(s.failures())
                    .singleElement()
                    .satisfies(
                        f -> assertThat(f.reason()).contains("Iteration budget exceeded: 1000")));
    CommandRunner.Result tight =
        simulate(
            "simulate",
            "catalogue:oyster_reef_commons",
            "--out",
            "t.jsonl",
            "--framing",
            "immersive",
            "--cel-evaluations",
            "5");
    assertThat(tight.exitCode()).as(tight.err()).isEqualTo(ExitCode.OK);
    Transcript t = transcript().get(0);
    assertThat(t.end().orElseThrow().status()).isNotEqualTo(RunEnd.Status.FAILED);
    assertThat(t.steps())
        .allSatisfy(
            s ->
                assertThat(s.failures())
                    .anySatisfy(
                        f ->
                            assertThat(f.reason())
                                .startsWith(
                                    "skipped: the step's mechanics budget is spent (5 evaluations")));
  }

  @Test
  void anInterruptedSimulationLeavesItsTranscriptOnDiskWithTheReason() throws Exception {
    String model =
        model(FaultPlan.NONE.withLatency(new LatencyDistribution.Fixed(Duration.ofMillis(300))));
    AtomicReference<CommandRunner.Result> result = new AtomicReference<>();
    Thread runner =
        new Thread(
            () ->
                result.set(
                    simulate(
                        "simulate",
                        "catalogue:oyster_reef_commons",
                        "--model",
                        model,
                        "--out",
                        "t.jsonl",
                        "--framing",
                        "immersive")));
    runner.start();
    Path t = dir.resolve("t.jsonl");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while ((!Files.exists(t) || Files.readAllLines(t).size() < 3) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    runner.interrupt();
    runner.join(30_000);
    assertThat(result.get().exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(result.get().err())
        .contains("interrupted; every run recorded how far it got in " + t);
    Transcript partial = transcript().get(0);
    assertThat(partial.steps()).hasSizeGreaterThanOrEqualTo(2);
    RunEnd end = partial.end().orElseThrow();
    assertThat(end.status()).isEqualTo(RunEnd.Status.FAILED);
    assertThat(end.reason()).startsWith("interrupted while waiting for the agents of step ");
    assertThat(end.steps()).isEqualTo(partial.steps().size());
  }
}
