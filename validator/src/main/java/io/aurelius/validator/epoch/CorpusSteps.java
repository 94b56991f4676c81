package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.Reply;
import io.aurelius.validator.consensus.ConsensusRound;
import io.aurelius.validator.consensus.CosignHandler;
import io.aurelius.validator.consensus.Decision;
import io.aurelius.validator.consensus.PeerReputation;
import io.aurelius.validator.consensus.Proposal;
import io.aurelius.validator.consensus.ValidatorSet;
import io.aurelius.validator.store.ValidatorStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 8–9 and publishing: exchange verdicts with the other validators, decide by stake
 * quorum (and update their reputations), append the accepted aenes to the corpus log as one
 * batch in aene-id order (the start index recorded before appending, so a retry is recognised),
 * gather peers' cosignatures on the new checkpoint, and publish the configurations that passed
 * the DLV gate in {@code configs.git}.
 */
final class CorpusSteps {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusSteps.class);
  static final String PEER_REPUTATION = "peer-reputation";

  private final EpochContext ctx;
  private final EpochListener listener;

  CorpusSteps(EpochContext ctx, EpochListener listener) {
    this.ctx = requireNonNull(ctx, "ctx");
    this.listener = requireNonNull(listener, "listener");
  }

  static ValidatorSet validators(MetagraphSnapshot graph) {
    Map<KeyId, Long> stakes = new HashMap<>();
    graph.validators().forEach(v -> stakes.put(v.key(), v.stake()));
    return new ValidatorSet(stakes);
  }

  private List<PeerEndpoint> peers(MetagraphSnapshot graph) {
    List<PeerEndpoint> out = new ArrayList<>();
    String self = ctx.self().address();
    graph.validators().stream().filter(v -> !v.hotkey().equals(self)).forEach(v -> v.endpoint().ifPresent(out::add));
    return out;
  }

  void run(long epoch, MetagraphSnapshot graph, List<SubmissionRecord> submissions, Records.Scored scored)
      throws InterruptedException {
    ValidatorStore store = ctx.store();
    ValidatorSet set = validators(graph);
    ConsensusRound round = ctx.round();
    if (!store.done(epoch, Steps.VERDICTS)) {
      List<Proposal> mine = ctx.book().proposals(epoch).values().stream()
          .filter(p -> p.verdict().proposer().equals(ctx.self())).toList();
      Set<KeyId> reached = round.exchange(epoch, mine, peers(graph), set);
      store.atomically(tx -> {
        reached.forEach(k -> tx.putItem(epoch, Steps.VERDICTS, k.address(), new byte[] {'{', '}'}));
        tx.markDone(epoch, Steps.VERDICTS);
        return null;
      });
      listener.step(epoch, Steps.VERDICTS, mine.size() + " aenes proposed to " + reached.size() + " of "
          + peers(graph).size() + " peers");
    }
    Set<KeyId> reached = new HashSet<>();
    store.items(epoch, Steps.VERDICTS).keySet().forEach(k -> reached.add(KeyId.parse(k)));
    Records.Agreed agreed = agree(epoch, set, reached, round);
    anchor(epoch, graph, agreed);
    cosign(epoch, graph, reached);
    publish(epoch, submissions, scored);
  }

  private Records.Agreed agree(long epoch, ValidatorSet set, Set<KeyId> reached, ConsensusRound round)
      throws InterruptedException {
    ValidatorStore store = ctx.store();
    var stored = store.item(epoch, Steps.CONSENSUS, "result");
    if (stored.isPresent()) {
      return StoredJson.read(stored.get(), Records.Agreed.class);
    }
    Set<KeyId> done = round.await(epoch, reached, ctx.knobs().consensusWait());
    if (done.size() < reached.size()) {
      LOG.warn("epoch {}: {} of {} peers sent no certificate in time", epoch, reached.size() - done.size(),
          reached.size());
    }
    Decision.Result result = Decision.decide(ctx.book().proposals(epoch), ctx.book().verdicts(epoch), set,
        ctx.knobs().quorum());
    Records.Agreed agreed = new Records.Agreed(result.considered(),
        result.accepted().stream().map(a -> a.proposal().aeneId()).toList());
    Map<String, Double> peersOnly = new HashMap<>(result.agreements());
    peersOnly.remove(ctx.self().address());
    store.atomically(tx -> {
      PeerReputation before = tx.state(PEER_REPUTATION).map(PeerReputation::fromBytes).orElse(PeerReputation.empty());
      tx.putState(PEER_REPUTATION, before.update(peersOnly).toBytes());
      tx.putItem(epoch, Steps.CONSENSUS, "result", StoredJson.bytes(agreed));
      tx.markDone(epoch, Steps.CONSENSUS);
      return null;
    });
    listener.step(epoch, Steps.CONSENSUS, agreed.accepted().size() + " of " + agreed.considered()
        + " aenes reached the quorum " + ctx.knobs().quorum());
    return agreed;
  }

  private void anchor(long epoch, MetagraphSnapshot graph, Records.Agreed agreed) {
    ValidatorStore store = ctx.store();
    if (store.done(epoch, Steps.ANCHOR)) {
      return;
    }
    try {
      Records.AnchorPlan plan = store.item(epoch, Steps.ANCHOR_PLAN, "plan")
          .map(b -> StoredJson.read(b, Records.AnchorPlan.class)).orElse(null);
      if (plan == null) {
        List<String> lines = entries(epoch, graph, agreed).stream()
            .map(e -> new String(e.bytes(), StandardCharsets.UTF_8)).toList();
        plan = new Records.AnchorPlan(ctx.corpus().size(), lines);
        store.putItem(epoch, Steps.ANCHOR_PLAN, "plan", StoredJson.bytes(plan));
      }
      List<CorpusEntry> entries = new ArrayList<>();
      for (String line : plan.entries()) {
        entries.add(CorpusEntry.parse(line.getBytes(StandardCharsets.UTF_8), "planned corpus entry"));
      }
      if (!entries.isEmpty()) {
        var appended = ctx.corpus().append(plan.start(), entries);
        if (appended.alreadyPresent()) {
          LOG.info("epoch {}: corpus batch at {} was already appended", epoch, plan.start());
        }
      }
      long size = ctx.corpus().size();
      String root = Base64.getEncoder().encodeToString(ctx.corpus().root(size).orElseThrow());
      Records.Anchored done = new Records.Anchored(plan.start(), entries.size(), size, root);
      store.atomically(tx -> {
        tx.putItem(epoch, Steps.ANCHOR, "result", StoredJson.bytes(done));
        tx.markDone(epoch, Steps.ANCHOR);
        return null;
      });
      listener.step(epoch, Steps.ANCHOR, entries.size() + " entries appended; corpus size " + size);
    } catch (LogException | io.aurelius.anchoring.corpus.InvalidEntryException e) {
      throw new IllegalStateException("epoch " + epoch + ": corpus log: " + e.getMessage(), e);
    }
  }

  /** The accepted aenes' entries in aene-id order, with the approvals held now. */
  private List<CorpusEntry> entries(long epoch, MetagraphSnapshot graph, Records.Agreed agreed) {
    Map<String, Decision.Accepted> byId = new HashMap<>();
    Decision.decide(ctx.book().proposals(epoch), ctx.book().verdicts(epoch), validators(graph), ctx.knobs().quorum())
        .accepted().forEach(a -> byId.put(a.proposal().aeneId(), a));
    List<CorpusEntry> out = new ArrayList<>();
    for (String id : agreed.accepted().stream().sorted().toList()) {
      Decision.Accepted a = byId.get(id);
      if (a != null) {
        out.add(CorpusEntries.of(epoch, a));
      }
    }
    return out;
  }

  private void cosign(long epoch, MetagraphSnapshot graph, Set<KeyId> reached) {
    ValidatorStore store = ctx.store();
    if (store.done(epoch, Steps.COSIGN)) {
      return;
    }
    Records.Anchored anchored = StoredJson.read(store.item(epoch, Steps.ANCHOR, "result").orElseThrow(),
        Records.Anchored.class);
    int added = 0;
    if (anchored.size() > 0) {
      String text;
      try {
        text = ctx.corpus().checkpoint(anchored.size()).text();
      } catch (LogException e) {
        throw new IllegalStateException("epoch " + epoch + ": " + e.getMessage(), e);
      }
      for (PeerEndpoint peer : peers(graph)) {
        if (reached.contains(peer.hotkey()) && cosignWith(epoch, peer, anchored.size(), text)) {
          added++;
        }
      }
    }
    store.markDone(epoch, Steps.COSIGN);
    listener.step(epoch, Steps.COSIGN, added + " cosignatures on checkpoint " + anchored.size());
  }

  private boolean cosignWith(long epoch, PeerEndpoint peer, long size, String text) {
    long deadline = System.nanoTime() + ctx.knobs().cosignWait().toNanos();
    while (true) {
      Reply reply = ctx.client().call(peer, CosignHandler.ROUTE, Json.newObject().put("checkpoint", text)).join();
      if (reply instanceof Reply.Ok ok) {
        try {
          JsonNode body = ok.json();
          ctx.corpus().addCosignature(size, body.path("witness").asText(), body.path("note").asText());
          return true;
        } catch (LogException | MalformedNoteException | RuntimeException e) {
          LOG.warn("epoch {}: cosignature from {} refused: {}", epoch, peer, e.getMessage());
          return false;
        }
      }
      if (System.nanoTime() > deadline) {
        LOG.warn("epoch {}: no cosignature from {}: {}", epoch, peer, reply);
        return false;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private void publish(long epoch, List<SubmissionRecord> submissions, Records.Scored scored) {
    ValidatorStore store = ctx.store();
    if (store.done(epoch, Steps.PUBLISH)) {
      return;
    }
    Map<String, JsonNode> docs = new HashMap<>();
    for (SubmissionRecord r : submissions) {
      if (r.admitted() && scored.passedConfigs().contains(r.configId().orElseThrow())) {
        docs.put(r.configId().get(), r.configuration().orElseThrow());
      }
    }
    int added = ctx.configs().publish(epoch, docs);
    store.atomically(tx -> {
      docs.forEach((id, doc) -> tx.putItem(EpochPipeline.GLOBAL, ScoreStep.PUBLISHED, id, CanonicalJson.bytes(doc)));
      tx.markDone(epoch, Steps.PUBLISH);
      return null;
    });
    listener.step(epoch, Steps.PUBLISH, added + " configurations published");
  }
}
