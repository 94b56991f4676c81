package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.validator.store.ValidatorStore;
import io.aurelius.worldmodel.orchestrator.RunResult;
import io.aurelius.worldmodel.transcript.TranscriptWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one epoch through the ten steps of docs/architecture.md §2, each recorded in the state store
 * before the next begins, so {@link #run} on an epoch that was cut short resumes it and on a
 * finished epoch only rebuilds its report. Steps 1–4 live here; scoring, the corpus and the
 * weights in {@link ScoreStep}, {@link CorpusSteps} and {@link WeightStep}.
 */
public final class EpochPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(EpochPipeline.class);
  static final long GLOBAL = -1;
  static final String KNOWN = "known";

  private final EpochContext ctx;
  private final EpochListener listener;
  private final AtomicInteger pendingSimulations = new AtomicInteger();
  private final AtomicInteger pendingAenes = new AtomicInteger();

  public EpochPipeline(EpochContext ctx, EpochListener listener) {
    this.ctx = requireNonNull(ctx, "ctx");
    this.listener = requireNonNull(listener, "listener");
  }

  /** Admitted configurations of the running epoch not yet simulated (a queue depth). */
  public int pendingSimulations() {
    return pendingSimulations.get();
  }

  /** This epoch's proposed aenes not yet through consensus (a queue depth). */
  public int pendingAenes() {
    return pendingAenes.get();
  }

  public boolean finished(long epoch) {
    return ctx.store().done(epoch, Steps.DONE);
  }

  public EpochReport run(long epoch) throws InterruptedException {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch: " + epoch + " (expected: >= 0)");
    }
    ValidatorStore store = ctx.store();
    boolean resumed = store.done(epoch, Steps.SYNC) && !store.done(epoch, Steps.DONE);
    listener.started(epoch, resumed);
    MetagraphSnapshot graph = sync(epoch);
    List<SubmissionRecord> submissions = admit(epoch, graph);
    simulate(epoch, submissions);
    boolean scoredBefore = store.done(epoch, Steps.SCORE);
    Records.Scored scored = new ScoreStep(ctx, listener).run(epoch, graph, submissions);
    pendingAenes.set(store.done(epoch, Steps.CONSENSUS) ? 0 : scored.proposals());
    if (!scoredBefore) {
      long passed = scored.rows().stream().filter(Records.ScoreRow::passed).count();
      listener.step(epoch, Steps.SCORE, passed + " of " + scored.rows().size() + " miners passed the DLV gate; "
          + scored.proposals() + " aenes approved");
    }
    CorpusSteps corpus = new CorpusSteps(ctx, listener);
    try {
      corpus.run(epoch, graph, submissions, scored);
    } finally {
      pendingAenes.set(0);
    }
    boolean weightsBefore = store.done(epoch, Steps.WEIGHTS);
    Records.WeightsSent weights = new WeightStep(ctx).run(epoch, graph, scored);
    if (!weightsBefore) {
      listener.step(epoch, Steps.WEIGHTS, weights.action() + (weights.revealed() ? " (earlier commit revealed)" : "")
          + ": " + weights.status());
    }
    store.markDone(epoch, Steps.DONE);
    EpochReport report = new ReportBuilder(ctx).build(epoch);
    listener.finished(report);
    return report;
  }

  private MetagraphSnapshot sync(long epoch) {
    ValidatorStore store = ctx.store();
    return store.item(epoch, Steps.SYNC, "metagraph").map(b -> StoredJson.read(b, MetagraphSnapshot.class))
        .orElseGet(() -> {
          MetagraphSnapshot snapshot = MetagraphSnapshot.of(epoch, ctx.chain().metagraph());
          store.atomically(tx -> {
            tx.putItem(epoch, Steps.SYNC, "metagraph", StoredJson.bytes(snapshot));
            tx.markDone(epoch, Steps.SYNC);
            return null;
          });
          listener.step(epoch, Steps.SYNC, snapshot.members().size() + " registered, "
              + snapshot.miners().size() + " miners, " + snapshot.validators().size() + " validators");
          return snapshot;
        });
  }

  private List<SubmissionRecord> admit(long epoch, MetagraphSnapshot graph) {
    ValidatorStore store = ctx.store();
    if (!store.done(epoch, Steps.ADMIT)) {
      List<MinerQueries.Checked> answers = ctx.queries().ask(epoch, graph.miners());
      Map<String, Admission.Known> known = new HashMap<>();
      store.items(GLOBAL, KNOWN).forEach((id, b) -> {
        JsonNode n = Json.parse(b, "known configuration", JsonLimits.UNTRUSTED);
        known.put(id, new Admission.Known(n.path("miner").asText(), n.path("document")));
      });
      List<SubmissionRecord> decided = ctx.admission().decide(answers, known);
      store.atomically(tx -> {
        for (SubmissionRecord r : decided) {
          tx.putItem(epoch, Steps.SUBMISSION, r.miner(), r.toBytes());
          if (r.admitted()) {
            var o = Json.newObject().put("miner", r.miner());
            o.set("document", r.configuration().orElseThrow());
            tx.putItem(GLOBAL, KNOWN, r.configId().orElseThrow(), CanonicalJson.bytes(o));
          }
        }
        tx.markDone(epoch, Steps.ADMIT);
        return null;
      });
      long admitted = decided.stream().filter(SubmissionRecord::admitted).count();
      listener.step(epoch, Steps.ADMIT, admitted + " of " + decided.size() + " submissions admitted");
    }
    return submissions(epoch);
  }

  List<SubmissionRecord> submissions(long epoch) {
    List<SubmissionRecord> out = new ArrayList<>();
    ctx.store().items(epoch, Steps.SUBMISSION).values().forEach(b -> out.add(SubmissionRecord.fromBytes(b)));
    out.sort(java.util.Comparator.comparingInt(SubmissionRecord::uid));
    return out;
  }

  private void simulate(long epoch, List<SubmissionRecord> submissions) throws InterruptedException {
    ValidatorStore store = ctx.store();
    if (store.done(epoch, Steps.SIMULATE)) {
      return;
    }
    Simulation simulation = ctx.simulation();
    List<SubmissionRecord> todo = submissions.stream().filter(SubmissionRecord::admitted)
        .filter(r -> store.item(epoch, Steps.RUN, r.configId().orElseThrow()).isEmpty()).toList();
    pendingSimulations.set(todo.size());
    try {
      simulate(epoch, simulation, todo);
    } finally {
      pendingSimulations.set(0);
    }
  }

  private void simulate(long epoch, Simulation simulation, List<SubmissionRecord> todo) throws InterruptedException {
    ValidatorStore store = ctx.store();
    int ran = 0;
    for (SubmissionRecord r : todo) {
      String id = r.configId().orElseThrow();
      CompiledConfig config = ConfigLoader.load(r.configuration().orElseThrow(), "submission of " + r.miner());
      Simulation.Result result = simulation.run(epoch, config);
      Records.Simulated record;
      if (result instanceof Simulation.Result.Ran ran0) {
        Path file = writeTranscripts(epoch, id, ran0.runs());
        record = new Records.Simulated(id, "ok", ran0.runs().size() + " runs", file.getFileName().toString());
        ran++;
      } else {
        Simulation.Result.Refused refused = (Simulation.Result.Refused) result;
        record = new Records.Simulated(id, refused.outcome().code(), refused.reason(), "");
        LOG.warn("epoch {}: {}", epoch, refused.reason());
      }
      store.putItem(epoch, Steps.RUN, id, StoredJson.bytes(record));
      pendingSimulations.decrementAndGet();
      if (result instanceof Simulation.Result.Ran done) {
        listener.simulated(epoch, id, done.runs());
      }
    }
    store.markDone(epoch, Steps.SIMULATE);
    listener.step(epoch, Steps.SIMULATE, ran + " configurations simulated");
  }

  private Path writeTranscripts(long epoch, String configId, List<RunResult> runs) {
    try {
      Path dir = ctx.runsDir().resolve(Long.toString(epoch));
      Files.createDirectories(dir);
      Path file = dir.resolve(configId + ".jsonl");
      Path temp = Files.createTempFile(dir, "." + configId, ".tmp");
      try (TranscriptWriter writer = TranscriptWriter.create(temp)) {
        for (RunResult r : runs) {
          writer.started(r.header());
          r.steps().forEach(s -> writer.stepped(r.header(), s));
          writer.ended(r.header(), r.end());
        }
        writer.force();
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("epoch " + epoch + ": cannot write transcripts of " + configId + ": "
          + e.getMessage(), e);
    }
  }

  /** Peers' reputations as this validator holds them now. */
  public static io.aurelius.validator.consensus.PeerReputation peerReputation(ValidatorStore store) {
    return store.state(CorpusSteps.PEER_REPUTATION).map(io.aurelius.validator.consensus.PeerReputation::fromBytes)
        .orElse(io.aurelius.validator.consensus.PeerReputation.empty());
  }

  /** The judges' reputations after the last scored epoch. */
  public static io.aurelius.judge.ensemble.ReputationBook judgeReputation(ValidatorStore store) {
    return store.state(ScoreStep.JUDGE_REPUTATION).map(ScoreStep::reputation)
        .orElse(io.aurelius.judge.ensemble.ReputationBook.empty());
  }
}
