package io.aurelius.judge.scoring;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.judge.ensemble.AeneVerdict;
import io.aurelius.judge.ensemble.CanaryVerdict;
import io.aurelius.judge.ensemble.Flag;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.ranking.Ranked;
import io.aurelius.judge.rubric.Heuristic;
import io.aurelius.worldmodel.outcome.UlfrJson;
import io.aurelius.worldmodel.transcript.Aene;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An epoch's scores as JSON ({@code "format": "aurelius.scores/1"}), for {@code --json}. */
public final class ScoreJson {
  private ScoreJson() {}

  public static ObjectNode of(EpochScore epoch, List<JudgeDescriptor> judges) {
    requireNonNull(epoch, "epoch");
    requireNonNull(judges, "judges");
    ObjectNode root = Json.newObject();
    root.put("format", "aurelius.scores/1");
    root.put("dlv_threshold", epoch.ranking().policy().dlvThreshold());
    root.put("ema_alpha", epoch.ranking().policy().emaAlpha());
    root.put("min_decisions", epoch.ranking().policy().minDecisions());
    ArrayNode js = root.putArray("judges");
    for (JudgeDescriptor d : judges) {
      ObjectNode j =
          js.addObject().put("id", d.id()).put("kind", d.kind().label()).put("model", d.model());
      d.persona().ifPresent(p -> j.put("persona", p));
    }
    Map<String, Ranked> ranked = new HashMap<>();
    epoch.ranking().ranked().forEach(r -> ranked.put(r.id(), r));
    ArrayNode configs = root.putArray("configurations");
    for (ConfigurationScore c : epoch.configurations()) {
      configs.add(configuration(c, ranked.get(c.id())));
    }
    ArrayNode front = root.putArray("front");
    epoch
        .ranking()
        .front()
        .forEach(
            r ->
                front
                    .addObject()
                    .put("id", r.id())
                    .put("reward", r.reward())
                    .put("crowding", r.crowding()));
    ObjectNode rep = root.putObject("reputation");
    epoch.reputation().reputations().forEach(rep::put);
    ArrayNode skipped = root.putArray("skipped");
    epoch.skipped().forEach(skipped::add);
    return root;
  }

  private static ObjectNode configuration(ConfigurationScore c, Ranked r) {
    ObjectNode o = Json.newObject();
    o.put("id", c.id())
        .put("config_id", c.configId().hex())
        .put("name", c.name())
        .put("sim", c.sim());
    o.put("rubric", c.verdict().rubric());
    o.put("runs", c.runs()).put("aenes", c.aenes()).put("immersive_aenes", c.immersiveAenes());
    o.put("dlv", c.dlv()).put("dlv_control", c.dlvControl()).put("dlv_signal", c.dlvSignal());
    o.putObject("tokens").put("world_model", c.worldModelTokens()).put("agent", c.agentTokens());
    o.put("efficiency", c.efficiency());
    ObjectNode nov =
        o.putObject("novelty")
            .put("novelty", c.novelty().novelty())
            .put("nearest_corpus", c.novelty().nearestCorpus())
            .put("nearest_epoch", c.novelty().nearestEpoch())
            .put("same_as_parent", c.novelty().sameAsParent());
    c.novelty().duplicateOf().ifPresent(d -> nov.put("duplicate_of", d));
    ObjectNode imm = o.putObject("immersion");
    imm.put("immersion", c.immersion().immersion())
        .put("action_distance", c.immersion().actionDistance())
        .put("dlv_gain", c.immersion().dlvGain())
        .put("awareness_rate", c.immersion().awarenessRate())
        .put("aware_aenes", c.awareAenes());
    c.ulfr().difference().ifPresent(d -> imm.put("ulfr_difference", UlfrJson.round6(d)));
    o.set("ulfr", UlfrJson.of(c.ulfr()));
    if (r != null) {
      o.putObject("rank")
          .put("passed", r.passed())
          .put("front", r.front())
          .put("crowding", r.crowding())
          .put("reward", r.reward());
    }
    ObjectNode alpha = o.putObject("alpha");
    c.verdict()
        .alpha()
        .forEach(
            (k, v) -> {
              if (v.isPresent()) {
                alpha.put(k, v.get());
              } else {
                alpha.putNull(k);
              }
            });
    ObjectNode dropped = o.putObject("dropped");
    c.verdict().dropped().forEach(dropped::put);
    ArrayNode canaries = o.putArray("canaries");
    for (CanaryVerdict cv : c.verdict().canaries()) {
      ObjectNode x =
          canaries
              .addObject()
              .put("kind", cv.kind().label())
              .put("dlv", cv.dlv())
              .put("passed", cv.passed());
      ObjectNode per = x.putObject("judges");
      cv.judgeDlv().forEach(per::put);
    }
    ObjectNode statuses = o.putObject("judge_statuses");
    c.verdict()
        .statuses()
        .forEach(
            (judge, counts) -> {
              ObjectNode s = statuses.putObject(judge);
              counts.forEach(s::put);
            });
    ArrayNode notes = o.putArray("notes");
    c.notes().forEach(notes::add);
    ArrayNode aenes = o.putArray("aene_verdicts");
    for (int i = 0; i < c.verdict().aenes().size(); i++) {
      aenes.add(aene(c.verdict().aenes().get(i), c.aeneRecords().get(i)));
    }
    return o;
  }

  private static ObjectNode aene(AeneVerdict v, Aene a) {
    ObjectNode o = Json.newObject();
    o.put("aene_id", v.aeneId())
        .put("agent", a.agent())
        .put("step", a.step())
        .put("framing", a.framing().json())
        .put("model", a.model())
        .put("sim", a.sim());
    o.put("dlv", v.dlv()).put("basis", v.basis());
    Optional<Map<Heuristic, Double>> h = v.heuristics();
    if (h.isPresent()) {
      ObjectNode hs = o.putObject("heuristics");
      h.get().forEach((k, x) -> hs.put(k.key(), x));
    } else {
      o.putNull("heuristics");
    }
    ArrayNode flags = o.putArray("flags");
    v.flags().stream().map(Flag::label).forEach(flags::add);
    ArrayNode inj = o.putArray("injection");
    v.injectionHits().forEach(inj::add);
    ObjectNode judges = o.putObject("judges");
    v.outcomes()
        .forEach(
            (judge, outcome) -> {
              ObjectNode j = judges.putObject(judge).put("status", outcome.status());
              if (v.judgeDlv().containsKey(judge)) {
                j.put("dlv", v.judgeDlv().get(judge));
              }
              outcome.detail().ifPresent(d -> j.put("reason", d));
            });
    return o;
  }
}
