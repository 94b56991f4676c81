package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.validator.store.ValidatorStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Steps 2 and 3: query every serving miner, then admit or refuse each answer with a reason code
 * ({@link Admission}). The decisions and the newly known configurations are stored in one
 * transaction with the step's mark.
 */
final class AdmitStep implements EpochStep<MetagraphSnapshot, Submissions> {
  static final long GLOBAL = -1;
  static final String KNOWN = "known";

  private final ValidatorStore store;
  private final MinerQueries queries;
  private final Admission admission;
  private final EpochListener listener;

  AdmitStep(
      ValidatorStore store, MinerQueries queries, Admission admission, EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.queries = requireNonNull(queries, "queries");
    this.admission = requireNonNull(admission, "admission");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.ADMIT;
  }

  @Override
  public Submissions run(long epoch, MetagraphSnapshot graph) {
    if (!store.done(epoch, Steps.ADMIT)) {
      List<MinerQueries.Checked> answers = queries.ask(epoch, graph.miners());
      Map<String, Admission.Known> known = new HashMap<>();
      store
          .items(GLOBAL, KNOWN)
          .forEach(
              (id, b) -> {
                JsonNode n = Json.parse(b, "known configuration", JsonLimits.UNTRUSTED);
                known.put(id, new Admission.Known(n.path("miner").asText(), n.path("document")));
              });
      List<SubmissionRecord> decided = admission.decide(answers, known);
      store.atomically(
          tx -> {
            for (SubmissionRecord r : decided) {
              tx.putItem(epoch, Steps.SUBMISSION, r.miner(), r.toBytes());
              r.configuration()
                  .filter(c -> r.admitted())
                  .ifPresent(
                      document -> {
                        var o = Json.newObject().put("miner", r.miner());
                        o.set("document", document);
                        tx.putItem(
                            GLOBAL, KNOWN, r.configId().orElseThrow(), CanonicalJson.bytes(o));
                      });
            }
            tx.markDone(epoch, Steps.ADMIT);
            return null;
          });
      long admitted = decided.stream().filter(SubmissionRecord::admitted).count();
      listener.step(
          epoch, Steps.ADMIT, admitted + " of " + decided.size() + " submissions admitted");
    }
    return stored(store, epoch);
  }

  /** The submissions an epoch recorded. */
  static Submissions stored(ValidatorStore store, long epoch) {
    List<SubmissionRecord> out = new ArrayList<>();
    store
        .items(epoch, Steps.SUBMISSION)
        .values()
        .forEach(b -> out.add(SubmissionRecord.fromBytes(b)));
    return new Submissions(out);
  }
}
