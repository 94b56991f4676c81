package io.aurelius.judge.ranking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An epoch's ranking, in id order. Its canonical bytes are what validators compare. */
public record EpochRanking(RankingPolicy policy, List<Ranked> ranked) {
  public EpochRanking {
    ranked = List.copyOf(ranked);
  }

  /** Each submission's reward this epoch, by id. */
  public Map<String, Double> rewards() {
    Map<String, Double> out = new TreeMap<>();
    ranked.forEach(r -> out.put(r.id(), r.reward()));
    return out;
  }

  public List<Ranked> front() {
    return ranked.stream().filter(r -> r.front() == 1).toList();
  }

  /** RFC 8785 canonical JSON of the policy and every ranked submission. */
  public byte[] canonicalBytes() {
    ObjectNode root = Json.newObject();
    root.put("dlv_threshold", policy.dlvThreshold());
    root.put("ema_alpha", policy.emaAlpha());
    root.put("min_decisions", policy.minDecisions());
    ArrayNode list = root.putArray("ranked");
    for (Ranked r : ranked) {
      ObjectNode o = list.addObject();
      o.put("id", r.id());
      o.put("dlv", r.signals().dlv());
      o.put("novelty", r.signals().novelty());
      o.put("efficiency", r.signals().efficiency());
      o.put("immersion", r.signals().immersion());
      o.put("passed", r.passed());
      o.put("front", r.front());
      o.put("crowding", r.crowding());
      o.put("reward", r.reward());
    }
    return CanonicalJson.bytes(root);
  }
}
