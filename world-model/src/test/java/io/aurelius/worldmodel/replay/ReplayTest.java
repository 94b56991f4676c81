package io.aurelius.worldmodel.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aurelius.config.catalogue.Catalogue;
import io.aurelius.config.model.Framing;
import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.models.AgentModels;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import io.aurelius.worldmodel.orchestrator.Orchestrator;
import io.aurelius.worldmodel.orchestrator.RunSpec;
import io.aurelius.worldmodel.transcript.Aene;
import io.aurelius.worldmodel.transcript.Transcript;
import io.aurelius.worldmodel.transcript.TranscriptException;
import io.aurelius.worldmodel.transcript.TranscriptReader;
import io.aurelius.worldmodel.transcript.TranscriptWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {
  @TempDir Path dir;

  private Path record(String scenario, long... seeds) throws Exception {
    Path file = dir.resolve("t.jsonl");
    try (AgentModel sim =
            AgentModels.open(
                List.of(ModelSpec.parse("sim")), EndpointPolicy.DEFAULT, Optional.empty());
        TranscriptWriter writer = TranscriptWriter.create(file)) {
      for (long seed : seeds) {
        for (Framing f : Framing.values()) {
          Orchestrator.run(
              new RunSpec(Catalogue.load(scenario).orElseThrow(), f, seed, sim), writer);
        }
      }
    }
    return file;
  }

  @Test
  void aTranscriptReadsBackAndReplaysToEveryRecordedStateHash() throws Exception {
    Path file = record("river_levee_public_goods", 1, 2);
    List<Transcript> runs = TranscriptReader.read(file);
    assertThat(runs)
        .hasSize(4)
        .extracting(Transcript::runId)
        .containsExactly(
            "river_levee_public_goods:immersive:1", "river_levee_public_goods:control:1",
            "river_levee_public_goods:immersive:2", "river_levee_public_goods:control:2");
    for (Transcript t : runs) {
      assertThat(t.end()).isPresent();
      assertThat(t.aenes()).isNotEmpty().allSatisfy(a -> assertThat(a.sim()).isTrue());
      ReplayReport report = Replay.verify(t);
      assertThat(report.differences()).isEmpty();
      assertThat(report.steps()).isEqualTo(t.steps().size()).isPositive();
    }
    Aene first = runs.get(0).aenes().get(0);
    assertThat(Aene.fromJson(first.toJson())).isEqualTo(first);
  }

  @Test
  void aChangedReplyIsCaughtAsADifferentState() throws Exception {
    Path file = record("oyster_reef_commons", 5);
    String text = Files.readString(file);
    // Make the first recorded harvest ask for one bushel more (or less) than it did.
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"action\":\"harvest\",\"agent\":\"(\\w+)\"")
            .matcher(text);
    String changed = text;
    java.util.regex.Matcher p =
        java.util.regex.Pattern.compile("\"params\":\\{\"bushels\":(\\d+)\\}").matcher(text);
    assertThat(p.find()).isTrue();
    int bushels = Integer.parseInt(p.group(1));
    changed =
        text.substring(0, p.start(1))
            + (bushels == 30 ? 29 : bushels + 1)
            + text.substring(p.end(1));
    Files.writeString(file, changed);
    List<ReplayReport> reports = TranscriptReader.read(file).stream().map(Replay::verify).toList();
    assertThat(reports)
        .anySatisfy(
            r ->
                assertThat(r.differences())
                    .anySatisfy(
                        d ->
                            assertThat(d)
                                .containsPattern(
                                    "step \\d+: state hash [0-9a-f]{64} \\(recorded [0-9a-f]{64}\\)")));
  }

  @Test
  void aTranscriptCutShortReplaysAsFarAsItGoes() throws Exception {
    Path file = record("oyster_reef_commons", 3);
    List<String> lines = Files.readAllLines(file);
    Files.write(dir.resolve("cut.jsonl"), lines.subList(0, 4), StandardCharsets.UTF_8);
    List<Transcript> runs = TranscriptReader.read(dir.resolve("cut.jsonl"));
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).end()).isEmpty();
    assertThat(runs.get(0).steps()).hasSize(3);
    assertThat(Replay.verify(runs.get(0)).differences()).isEmpty();
  }

  @Test
  void aBrokenTranscriptIsAOneLineError() throws Exception {
    Path file = dir.resolve("bad.jsonl");
    Files.writeString(file, "{\"type\":\"step\",\"run\":\"x\",\"step\":1}\n");
    assertThatThrownBy(() -> TranscriptReader.read(file))
        .isInstanceOf(TranscriptException.class)
        .hasMessage(file + ":1: line of run 'x' before its header");
    Files.writeString(file, "{not json\n");
    assertThatThrownBy(() -> TranscriptReader.read(file))
        .isInstanceOf(TranscriptException.class)
        .hasMessageStartingWith(file + ":1: malformed JSON");
  }
}
