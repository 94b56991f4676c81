package io.aurelius.validator.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator process is killed with SIGKILL twice in the middle of an epoch (during the
 * simulations, and between scoring and anchoring) and started again; the epoch completes once: the
 * corpus holds each accepted aene once and the moving average moved once.
 */
class CrashResumeIT {
  @TempDir Path dir;

  @Test
  void aValidatorKilledMidEpochResumesAndCompletesTheEpochOnce() throws Exception {
    try (TestNet net =
        new TestNet(
            dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1), TestNet.catalogue(2)))) {
      net.sealUntilEpoch(3);
      net.closeChain();
      long epoch = 3;

      List<String> first = runUntil(epoch, "STEP admit");
      assertThat(first).contains("STARTED false");
      List<String> second = runUntil(epoch, "STEP score");
      assertThat(second).contains("STARTED true").doesNotContain("STEP admit");
      List<String> last = runUntil(epoch, null);
      assertThat(last).contains("STARTED true").doesNotContain("STEP admit", "STEP simulate");
      String report = last.stream().filter(l -> l.startsWith("REPORT ")).findFirst().orElseThrow();
      String[] parts = report.split(" ");
      assertThat(parts[1]).as("submissions").isEqualTo("3");
      long accepted = Long.parseLong(parts[2]);
      assertThat(accepted).isPositive();
      assertThat(Long.parseLong(parts[3]))
          .as("corpus size: each accepted aene appended once")
          .isEqualTo(accepted);
      for (int i = 4; i < parts.length; i++) {
        String[] rs = parts[i].split(":");
        double reward = Double.parseDouble(rs[0]);
        double score = Double.parseDouble(rs[1]);
        assertThat(score)
            .as("the average moved once: 0.1 × reward")
            .isCloseTo(0.1 * reward, org.assertj.core.data.Offset.offset(1e-12));
      }
      List<String> again = runUntil(epoch, null);
      assertThat(again)
          .as("a finished epoch is not run again")
          .doesNotContain("STEP sync", "STEP anchor")
          .contains(report);
    }
  }

  /**
   * Issue 16, finding 2: an epoch cut short after consensus, restarted once the chain has moved on,
   * was dropped: its accepted aenes never reached the corpus and its weights were never sent. The
   * restarted validator's own loop now finishes it before it runs the current epoch.
   */
  @Test
  void anEpochCutShortAfterConsensusIsFinishedAfterTheChainMovedOn() throws Exception {
    try (TestNet net =
        new TestNet(
            dir, 1, List.of(TestNet.catalogue(0), TestNet.catalogue(1), TestNet.catalogue(2)))) {
      net.sealUntilEpoch(3);
      net.closeChain();
      runUntil("3", "STEP consensus");

      List<String> restarted = runUntil("current", null);
      String[] late = finished(restarted, 3);
      long accepted = Long.parseLong(late[2]);
      assertThat(accepted).as("epoch 3's accepted aenes").isPositive();
      assertThat(Long.parseLong(late[3])).as("each anchored once").isEqualTo(accepted);
      assertThat(late[4]).as("epoch 3's weights were sent").isEqualTo("committed");
      String[] now = finished(restarted, -1);
      assertThat(Long.parseLong(now[1])).as("then the chain's current epoch").isGreaterThan(3);
      assertThat(Long.parseLong(now[3])).isGreaterThanOrEqualTo(accepted);
      assertThat(restarted.indexOf(String.join(" ", late)))
          .isLessThan(restarted.indexOf(String.join(" ", now)));
    }
  }

  @Test
  void anEpochCutShortBeforeConsensusIsAbandonedAndSaysSo() throws Exception {
    try (TestNet net = new TestNet(dir, 1, List.of(TestNet.catalogue(0)))) {
      net.sealUntilEpoch(3);
      net.closeChain();
      runUntil("3", "STEP score");

      List<String> restarted = runUntil("current", null);
      assertThat(restarted).contains("STEP abandoned");
      assertThat(restarted).noneMatch(l -> l.startsWith("FINISHED 3 "));
      assertThat(Long.parseLong(finished(restarted, -1)[1])).isGreaterThan(3);
      assertThat(runUntil("current", null))
          .as("an abandoned epoch is settled: not abandoned again")
          .doesNotContain("STEP abandoned");
    }
  }

  /** The FINISHED line of {@code epoch} (-1: the last one), split on spaces. */
  private static String[] finished(List<String> lines, long epoch) {
    List<String> all = lines.stream().filter(l -> l.startsWith("FINISHED ")).toList();
    assertThat(all).as(String.join("\n", lines)).isNotEmpty();
    String line =
        epoch < 0
            ? all.get(all.size() - 1)
            : all.stream()
                .filter(l -> l.startsWith("FINISHED " + epoch + " "))
                .findFirst()
                .orElseThrow(
                    () -> new AssertionError("epoch " + epoch + " never finished: " + all));
    return line.split(" ");
  }

  /**
   * Starts the child and kills it (SIGKILL) once it prints {@code killAt}; null runs it to its end.
   */
  private List<String> runUntil(long epoch, String killAt) throws Exception {
    return runUntil(Long.toString(epoch), killAt);
  }

  private List<String> runUntil(String epoch, String killAt) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                dir.toString(),
                epoch)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
        if (line.equals(killAt)) {
          child.destroyForcibly();
          break;
        }
      }
    }
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    if (killAt != null) {
      assertThat(lines).as("the child reached " + killAt).contains(killAt);
    }
    return lines;
  }
}
