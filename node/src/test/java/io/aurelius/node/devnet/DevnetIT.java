package io.aurelius.node.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.anchoring.log.GitLog;
import io.aurelius.core.chain.Metagraph;
import io.aurelius.core.chain.NeuronInfo;
import io.aurelius.node.cli.CommandRunner;
import io.aurelius.validator.epoch.EpochReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run: a whole devnet in this JVM on distinct loopback ports (chain, sim model over
 * HTTP, three miners, two validators). One epoch runs normally; in the second, validator-2 is
 * stopped mid-epoch and started again on its home, and resumes that epoch to the end. Then: both
 * validators set weights on the chain, the miners they weight earn Yuma incentive, the corpus is
 * non-empty and verifies over its git URL, and stock git clones both repositories.
 */
class DevnetIT {
  private static final Pattern MID_EPOCH =
      Pattern.compile("^validator-2 +epoch (\\d+) +(query|admit|simulate)\\b");

  @TempDir Path work;

  @Test
  void aWholeSubnetRunsItsEpochsAndAValidatorStoppedMidEpochResumes() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    CountDownLatch midEpoch = new CountDownLatch(1);
    AtomicLong interrupted = new AtomicLong(-1);
    boolean[] armed = {false};
    DevnetSettings settings = DevnetSettings.defaults(work.resolve("devnet"));
    try (Devnet devnet =
        Devnet.start(
            settings,
            line -> {
              lines.add(line);
              Matcher m = MID_EPOCH.matcher(line);
              if (armed[0]
                  && m.find()
                  && interrupted.compareAndSet(-1, Long.parseLong(m.group(1)))) {
                midEpoch.countDown();
              }
            })) {
      devnet.runEpochs(1);

      DevnetValidator v1 = devnet.validators().get(0);
      DevnetValidator v2 = devnet.validators().get(1);
      armed[0] = true;
      Thread first = new Thread(() -> quietly(() -> v1.runEpochs(1)), "it-validator-1");
      Thread second = new Thread(() -> quietly(() -> v2.runEpochs(1)), "it-validator-2");
      first.start();
      second.start();
      assertThat(midEpoch.await(120, TimeUnit.SECONDS))
          .as("validator-2 reached a mid-epoch step")
          .isTrue();
      v2.restart();
      second.join(60_000);
      long number = interrupted.get();
      long epoch = devnet.epochNumbers().chainEpoch((int) number);
      EpochReport resumed = v2.service().runEpoch(epoch);
      first.join(180_000);
      assertThat(resumed.epoch()).isEqualTo(epoch);
      assertThat(lines)
          .anyMatch(
              l ->
                  l.matches(
                      "validator-2 +epoch " + number + " resumed \\(chain epoch " + epoch + "\\)"));
      devnet.awaitChainEpoch();

      Metagraph graph = devnet.chain().chain().metagraph(true);
      for (DevnetValidator v : devnet.validators()) {
        NeuronInfo n = graph.byHotkey(v.hotkey()).orElseThrow();
        assertThat(n.weights()).as(v.name() + " weights on the chain").isNotEmpty();
        EpochReport last = v.reports().get(v.reports().size() - 1);
        assertThat(last.weights().status()).as(v.name() + " weights").isEqualTo("accepted");
      }
      List<DevnetMiner> weighted =
          devnet.miners().stream()
              .filter(
                  m ->
                      devnet.validators().stream()
                          .flatMap(v -> v.reports().get(v.reports().size() - 1).miners().stream())
                          .anyMatch(s -> s.hotkey().equals(m.hotkey().address()) && s.weight() > 0))
              .toList();
      assertThat(weighted).as("miners on the frontier").isNotEmpty();
      for (DevnetMiner m : weighted) {
        assertThat(graph.byHotkey(m.hotkey()).orElseThrow().incentive())
            .as(m.name() + " incentive")
            .isPositive();
      }

      DevnetSummary summary = devnet.summary();
      assertThat(summary.aenesAccepted()).as("aenes in the corpus").isPositive();
      String corpus = v1.corpusUrl();
      // Offline, the devnet stamps with its own loopback calendar, which never reaches Bitcoin:
      // every checkpoint gets a .ots proof that verify reports as pending, never as verified.
      URI calendar = devnet.localCalendar().orElseThrow();
      long latest = v1.reports().get(v1.reports().size() - 1).checkpoint().orElseThrow().size();
      long stampDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!stamped(v1.service().corpusRepository(), latest)) {
        assertThat(System.nanoTime()).as("stamp of checkpoint " + latest).isLessThan(stampDeadline);
        Thread.sleep(200);
      }
      StringWriter printed = new StringWriter();
      devnet.summary().print(new PrintWriter(printed));
      assertThat(printed.toString())
          .contains("stamps (validator-1): .ots proofs for ")
          .contains("pending at the local devnet calendar " + calendar);
      CommandRunner.Result verify =
          new CommandRunner(Map.of(), work)
              .run(summary.verifyCorpusArguments().toArray(String[]::new));
      assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
      assertThat(verify.out())
          .contains("checkpoint " + latest + ": pending at [" + calendar + "], not yet in Bitcoin")
          .doesNotContain("verified in Bitcoin");
      // Honest about the quorum: validator-1's corpus is cosigned by validator-2 alone (400 of
      // 1000 stake), so the printed command relaxes the quorum and the output says so.
      assertThat(verify.out()).contains("is NOT witnessed");
      assertThat(summary.verifyCorpusArguments()).contains(DevnetSummary.RELAX_QUORUM);
      List<String> strict = new ArrayList<>(summary.verifyCorpusArguments());
      strict.remove(DevnetSummary.RELAX_QUORUM);
      CommandRunner.Result unrelaxed =
          new CommandRunner(Map.of(), work).run(strict.toArray(String[]::new));
      assertThat(unrelaxed.exitCode()).as(unrelaxed.out() + unrelaxed.err()).isEqualTo(1);
      assertThat(unrelaxed.err()).contains("not witnessed");
      // The witnesses from the chain: the metagraph's validators, their sr25519 hotkeys bound to
      // their cosignature keys by the statements they serve.
      CommandRunner.Result fromChain =
          new CommandRunner(Map.of(), work)
              .run(summary.verifyCorpusFromChainArguments().toArray(String[]::new));
      assertThat(fromChain.exitCode()).as(fromChain.out() + fromChain.err()).isZero();
      assertThat(fromChain.out())
          .contains("the chain at " + summary.chainEndpoint())
          .contains("2 validators, 2 with a known cosignature key")
          .contains("is NOT witnessed");

      gitClone(corpus, work.resolve("corpus"));
      gitClone(v1.configsUrl(), work.resolve("configs"));
      try (Stream<Path> files = Files.walk(work.resolve("configs"))) {
        assertThat(files.filter(p -> p.toString().endsWith(".json")))
            .as("published configurations")
            .isNotEmpty();
      }

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + v2.port() + "/healthz"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("validator");
      HttpResponse<String> metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + v1.port() + "/metrics"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.body())
          .contains("aurelius_validator_epochs_total 2")
          .contains("aurelius_chain_height ")
          .contains("aurelius_model_calls_total{")
          .contains("aurelius_model_tokens_total{")
          .contains("aurelius_judge_calls_total{")
          .contains("aurelius_validator_pending_aenes ");
    }
  }

  private static boolean stamped(Path corpus, long size) throws Exception {
    try (GitLog log = GitLog.open(corpus)) {
      return log.head().stampedSizes().contains(size);
    }
  }

  private static void gitClone(String url, Path into) throws Exception {
    Process git =
        new ProcessBuilder("git", "clone", "--quiet", url, into.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(git.exitValue()).as("git clone " + url + ": " + out).isZero();
  }

  private interface Action {
    void run() throws Exception;
  }

  /** The interrupted validator's epoch fails when it is stopped under it; that is the point. */
  private static void quietly(Action action) {
    try {
      action.run();
    } catch (Exception e) {
      // recorded by the assertions on what happens next
    }
  }
}
