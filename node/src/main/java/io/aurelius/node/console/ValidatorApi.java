package io.aurelius.node.console;

import static io.aurelius.node.console.ConsoleJson.F;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.ops.ApiQuery;
import io.aurelius.core.ops.ApiRoute;
import io.aurelius.validator.epoch.EpochReport;
import io.aurelius.validator.service.ValidatorService;
import io.aurelius.worldmodel.outcome.UlfrJson;
import java.util.List;
import java.util.function.Supplier;

/**
 * A validator's epochs as its store remembers them: per epoch the submissions with their admission
 * outcome and reason, each miner's DLV and secondary signals (novelty, efficiency, immersion) with
 * its place on the Pareto front, the weights set, and the corpus checkpoint; plus the weights'
 * history alone and what {@link ConsoleRecorder} saw of judging and the model endpoints.
 */
final class ValidatorApi {
  static final String EPOCHS = "/api/v1/validator/epochs";
  static final String WEIGHTS = "/api/v1/validator/weights";
  static final String JUDGING = "/api/v1/validator/judging";
  static final String MODELS = "/api/v1/validator/models";
  static final String TRUST = "/api/v1/validator/trust";
  static final int MAX_EPOCHS = 50;
  static final int MAX_WEIGHT_EPOCHS = 200;

  private final Supplier<ValidatorService> service;

  ValidatorApi(Supplier<ValidatorService> service) {
    this.service = requireNonNull(service, "service");
  }

  List<ApiRoute> routes(ConsoleRecorder recorder) {
    requireNonNull(recorder, "recorder");
    return List.of(
        new ApiRoute(EPOCHS, this::epochs),
        new ApiRoute(WEIGHTS, this::weights),
        new ApiRoute(TRUST, this::trust),
        new ApiRoute(JUDGING, query -> recorder.judging()),
        new ApiRoute(MODELS, query -> recorder.models()));
  }

  private JsonNode epochs(ApiQuery query) {
    int limit = (int) query.number("limit", 10, 1, MAX_EPOCHS);
    ObjectNode o = F.objectNode();
    ArrayNode epochs = o.putArray("epochs");
    for (EpochReport r : running().history(limit)) {
      epochs.add(epoch(r));
    }
    return o;
  }

  private JsonNode weights(ApiQuery query) {
    int limit = (int) query.number("limit", 50, 1, MAX_WEIGHT_EPOCHS);
    ObjectNode o = F.objectNode();
    ArrayNode history = o.putArray("history");
    for (EpochReport r : running().history(limit)) {
      history.add(weightsOf(r));
    }
    return o;
  }

  /**
   * Per epoch, newest first, every validator's Proof-of-Trust standing at that epoch's consensus:
   * trust in milli-trust before, change and after, the weight factor its stake counted with, and
   * its share of the quorum's vote weight (stake × factor over the set's sum) beside its share of
   * stake alone.
   */
  private JsonNode trust(ApiQuery query) {
    int limit = (int) query.number("limit", 20, 1, MAX_WEIGHT_EPOCHS);
    ObjectNode o = F.objectNode();
    ArrayNode epochs = o.putArray("epochs");
    for (EpochReport r : running().history(limit)) {
      ObjectNode e = epochs.addObject().put("epoch", r.epoch()).put("block", r.block());
      e.set("validators", standings(r.trust()));
    }
    return o;
  }

  static ArrayNode standings(List<EpochReport.TrustStanding> trust) {
    double stake = 0;
    double weight = 0;
    double weightNext = 0;
    for (EpochReport.TrustStanding t : trust) {
      stake += t.stake();
      weight += t.stake() * t.weightBefore();
      weightNext += t.stake() * t.weightAfter();
    }
    ArrayNode out = F.arrayNode();
    for (EpochReport.TrustStanding t : trust) {
      out.addObject()
          .put("validator", t.validator())
          .put("stake", t.stake())
          .put("trust_before_mt", milli(t.before()))
          .put("change_mt", milli(t.change()))
          .put("trust_mt", milli(t.after()))
          .put("weight_factor", t.weightBefore())
          .put("weight_factor_next", t.weightAfter())
          .put("stake_share", share(t.stake(), stake))
          .put("quorum_share", share(t.stake() * t.weightBefore(), weight))
          .put("quorum_share_next", share(t.stake() * t.weightAfter(), weightNext));
    }
    return out;
  }

  private static double milli(double trust) {
    return Math.round(trust * 1_000_000) / 1000.0;
  }

  private static double share(double part, double whole) {
    return whole > 0 ? Math.round(part / whole * 1_000_000) / 1_000_000.0 : 0;
  }

  private ValidatorService running() {
    ValidatorService s = service.get();
    if (s == null) {
      throw new IllegalStateException("the validator has not started");
    }
    return s;
  }

  static ObjectNode epoch(EpochReport r) {
    ObjectNode o = F.objectNode();
    o.put("epoch", r.epoch());
    o.put("block", r.block());
    ArrayNode submissions = o.putArray("submissions");
    for (EpochReport.Submitted s : r.submissions()) {
      ObjectNode row = submissions.addObject();
      row.put("uid", s.uid());
      row.put("miner", s.miner());
      row.put("outcome", s.outcome());
      row.put("admitted", "admitted".equals(s.outcome()));
      row.put("reason", s.message());
      s.configId().ifPresent(id -> row.put("config_id", id));
    }
    ArrayNode miners = o.putArray("miners");
    for (EpochReport.MinerScore m : r.miners()) {
      ObjectNode row = miners.addObject();
      row.put("uid", m.uid());
      row.put("hotkey", m.hotkey());
      m.configId().ifPresent(id -> row.put("config_id", id));
      row.put("dlv", m.dlv());
      row.put("novelty", m.novelty());
      row.put("efficiency", m.efficiency());
      row.put("immersion", m.immersion());
      row.put("passed", m.passed());
      // The ranking rewards exactly its first Pareto front (ParetoRanking).
      row.put("on_front", m.passed() && m.reward() > 0);
      row.put("reward", m.reward());
      row.put("score", m.score());
      row.put("weight", m.weight());
      m.ulfr().ifPresent(u -> row.set("ulfr", UlfrJson.of(u)));
    }
    o.set("weights", weightsOf(r));
    ObjectNode aenes = o.putObject("aenes");
    aenes.put("proposed", r.aenesProposed());
    aenes.put("considered", r.aenesConsidered());
    aenes.put("accepted", r.aenesAccepted());
    r.checkpoint()
        .ifPresent(
            c ->
                o.putObject("checkpoint")
                    .put("origin", c.origin())
                    .put("size", c.size())
                    .put("root", c.root())
                    .<ObjectNode>set("signers", ConsoleJson.strings(c.signers()))
                    .set("cosigners", ConsoleJson.strings(c.cosigners())));
    o.set("notes", ConsoleJson.strings(r.notes()));
    return o;
  }

  private static ObjectNode weightsOf(EpochReport r) {
    ObjectNode w = F.objectNode();
    w.put("epoch", r.epoch());
    w.put("block", r.block());
    w.put("action", r.weights().action());
    w.put("revealed", r.weights().revealed());
    w.put("status", r.weights().status());
    w.set("uids", ConsoleJson.numbers(r.weights().uids()));
    w.set("values", ConsoleJson.numbers(r.weights().values()));
    return w;
  }
}
