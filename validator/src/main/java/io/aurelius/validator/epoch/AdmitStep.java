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
  private final ModuleQueries modules;
  private final Admission admission;
  private final EpochListener listener;

  AdmitStep(
      ValidatorStore store,
      MinerQueries queries,
      ModuleQueries modules,
      Admission admission,
      EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.queries = requireNonNull(queries, "queries");
    this.modules = requireNonNull(modules, "modules");
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
      ModuleQueries.Pending moduleCalls = modules.send(epoch, graph.miners());
      List<MinerQueries.Checked> answers = queries.ask(epoch, graph.miners());
      List<SubmissionRecord> submittedModules = moduleCalls.decide();
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
            for (SubmissionRecord r : submittedModules) {
              tx.putItem(epoch, Steps.MODULE_SUBMISSION, r.miner(), r.toBytes());
            }
            tx.markDone(epoch, Steps.ADMIT);
            return null;
          });
      long admitted = decided.stream().filter(SubmissionRecord::admitted).count();
      long modulesAdmitted = submittedModules.stream().filter(SubmissionRecord::admitted).count();
      listener.step(
          epoch,
          Steps.ADMIT,
          admitted
              + " of "
              + decided.size()
              + " submissions admitted"
              + (submittedModules.isEmpty()
                  ? ""
                  : "; "
                      + modulesAdmitted
                      + " of "
                      + submittedModules.size()
                      + " modules admitted"));
    }
    return stored(store, epoch);
  }

  /** The submissions an epoch recorded: configurations, then modules. */
  static Submissions stored(ValidatorStore store, long epoch) {
    List<SubmissionRecord> out = new ArrayList<>();
    store
        .items(epoch, Steps.SUBMISSION)
        .values()
        .forEach(b -> out.add(SubmissionRecord.fromBytes(b)));
    store
        .items(epoch, Steps.MODULE_SUBMISSION)
        .values()
        .forEach(b -> out.add(SubmissionRecord.fromBytes(b)));
    return new Submissions(out);
  }
}
