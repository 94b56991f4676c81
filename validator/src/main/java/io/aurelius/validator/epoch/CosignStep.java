package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.anchoring.corpus.CatchUp;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.ReplicaDivergedException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.anchoring.note.Checkpoint;
import io.aurelius.anchoring.note.KeyType;
import io.aurelius.anchoring.note.MalformedNoteException;
import io.aurelius.anchoring.note.SignedNote;
import io.aurelius.anchoring.note.StakeThreshold;
import io.aurelius.anchoring.note.VerifierKey;
import io.aurelius.anchoring.note.WitnessQuorum;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import io.aurelius.validator.consensus.CosignHandler;
import io.aurelius.validator.publish.CorpusAnchor;
import io.aurelius.validator.store.ValidatorStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 9, continued: asks every peer that took part in the exchange to cosign the new checkpoint,
 * each for at most the cosign deadline, and adds the cosignatures that verify; if a peer's answer
 * shows its replica is ahead of this one, catches up from it. Interrupted (a stop), it records
 * nothing, so the restart asks again.
 */
final class CosignStep implements EpochStep<CosignStep.Input, Records.Cosigned> {
  private static final Logger LOG = LoggerFactory.getLogger(CosignStep.class);

  record Input(MetagraphSnapshot graph, Records.Reached reached, Records.Anchored anchored) {}

  private final ValidatorStore store;
  private final ProtocolClient client;
  private final CorpusAnchor corpus;
  private final KeyId self;
  private final Duration wait;
  private final Duration perCall;
  private final EpochListener listener;

  CosignStep(
      ValidatorStore store,
      ProtocolClient client,
      CorpusAnchor corpus,
      KeyId self,
      Duration wait,
      Duration perCall,
      EpochListener listener) {
    this.store = requireNonNull(store, "store");
    this.client = requireNonNull(client, "client");
    this.corpus = requireNonNull(corpus, "corpus");
    this.self = requireNonNull(self, "self");
    this.wait = requireNonNull(wait, "wait");
    this.perCall = requireNonNull(perCall, "perCall");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.COSIGN;
  }

  @Override
  public Records.Cosigned run(long epoch, Input in) throws InterruptedException {
    if (store.done(epoch, Steps.COSIGN)) {
      return store
          .item(epoch, Steps.COSIGN, "result")
          .map(b -> StoredJson.read(b, Records.Cosigned.class))
          .orElse(new Records.Cosigned(0));
    }
    Records.Anchored anchored = in.anchored();
    int added = 0;
    if (anchored.size() > 0) {
      String text;
      try {
        text = corpus.checkpoint(anchored.size()).text();
      } catch (LogException e) {
        throw new IllegalStateException("epoch " + epoch + ": " + e.getMessage(), e);
      }
      Set<String> reached = new HashSet<>(in.reached().peers());
      Map<PeerEndpoint, JsonNode> answers = new LinkedHashMap<>();
      for (PeerEndpoint peer : in.graph().peersOf(self)) {
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        if (reached.contains(peer.hotkey().address())
            && cosignWith(epoch, peer, anchored.size(), text, answers)) {
          added++;
        }
      }
      if (!Thread.currentThread().isInterrupted()) {
        catchUp(epoch, in.graph(), answers);
      }
    }
    if (Thread.interrupted()) {
      // A stop: the peers not asked yet, or asked and not waited for, are asked again after the
      // restart (a cosignature already added is recognised), rather than recorded as missing.
      throw new InterruptedException("epoch " + epoch + ": cosigning stopped; it runs again");
    }
    Records.Cosigned done = new Records.Cosigned(added);
    store.atomically(
        tx -> {
          tx.putItem(epoch, Steps.COSIGN, "result", StoredJson.bytes(done));
          tx.markDone(epoch, Steps.COSIGN);
          return null;
        });
    listener.step(epoch, Steps.COSIGN, added + " cosignatures on checkpoint " + anchored.size());
    return done;
  }

  /**
   * A replica that missed an epoch's batch (this validator missed the consensus wait) is behind its
   * peers; it catches up from the peer with the largest checkpoint before the next epoch appends,
   * or its next batch would land at other indexes and the replicas would diverge for good. The
   * peer's log key is the key it cosigned with (its hotkey signed the answer that names it).
   */
  private void catchUp(long epoch, MetagraphSnapshot graph, Map<PeerEndpoint, JsonNode> answers) {
    long mine;
    try {
      mine = corpus.size();
    } catch (LogException e) {
      LOG.warn("epoch {}: corpus size: {}", epoch, e.getMessage());
      return;
    }
    PeerEndpoint ahead = null;
    long largest = mine;
    for (Map.Entry<PeerEndpoint, JsonNode> a : answers.entrySet()) {
      try {
        long size =
            Checkpoint.parse(SignedNote.parse(a.getValue().path("latest").asText()).text()).size();
        if (size > largest) {
          largest = size;
          ahead = a.getKey();
        }
      } catch (MalformedNoteException | IllegalArgumentException e) {
        // an answer without a readable latest checkpoint says nothing about lag
      }
    }
    if (ahead == null) {
      return;
    }
    try {
      VerifierKey witness = VerifierKey.parse(answers.get(ahead).path("witness").asText());
      VerifierKey logKey = VerifierKey.of(corpus.origin(), KeyType.ED25519, witness.publicKey());
      // Only entries of epochs up to this one: a peer already past its next anchor holds a batch
      // this validator is about to append itself, which must not be taken twice.
      long appended = corpus.catchUpFrom(corpusUrl(ahead), logKey, anchoredBy(epoch));
      listener.step(
          epoch,
          Steps.COSIGN,
          "corpus replica was behind at "
              + mine
              + ": caught up "
              + appended
              + " entries from "
              + ahead.hotkey().address());
    } catch (ReplicaDivergedException e) {
      repair(epoch, graph, answers, ahead, e);
    } catch (LogException | MalformedNoteException | RuntimeException e) {
      LOG.warn("epoch {}: corpus catch-up from {} failed: {}", epoch, ahead, e.getMessage());
    }
  }

  /**
   * This replica is not a prefix of the peer's: it appended other entries (a subset of a batch,
   * after missing the consensus wait). It is repaired only against a peer checkpoint that
   * validators holding the witness quorum of stake cosigned, their cosignature keys as they
   * answered this epoch; the stake of validators whose key is not known counts against it.
   */
  private void repair(
      long epoch,
      MetagraphSnapshot graph,
      Map<PeerEndpoint, JsonNode> answers,
      PeerEndpoint ahead,
      ReplicaDivergedException diverged) {
    try {
      Map<VerifierKey, Long> stakes = new LinkedHashMap<>();
      long known = 0;
      for (Map.Entry<PeerEndpoint, JsonNode> a : answers.entrySet()) {
        long stake = graph.byHotkey(a.getKey().hotkey()).map(Member::stake).orElse(0L);
        stakes.merge(VerifierKey.parse(a.getValue().path("witness").asText()), stake, Long::sum);
        known += stake;
      }
      long total = graph.validators().stream().mapToLong(Member::stake).sum();
      WitnessQuorum quorum =
          new WitnessQuorum(stakes, Math.max(0, total - known), StakeThreshold.TWO_THIRDS);
      VerifierKey witness = VerifierKey.parse(answers.get(ahead).path("witness").asText());
      VerifierKey logKey = VerifierKey.of(corpus.origin(), KeyType.ED25519, witness.publicKey());
      CatchUp.Repair r = corpus.repairFrom(corpusUrl(ahead), logKey, quorum, anchoredBy(epoch));
      LOG.warn(
          "epoch {}: corpus replica had diverged at {}: entries {}..{} set aside in {} (commits"
              + " kept as {}), caught up {} entries from {}",
          epoch,
          r.diverged(),
          r.prefix(),
          r.diverged() - 1,
          r.quarantined(),
          r.ref(),
          r.appended(),
          ahead.hotkey().address());
      listener.step(
          epoch,
          Steps.COSIGN,
          "corpus replica had diverged: "
              + (r.diverged() - r.prefix())
              + " entries set aside in "
              + r.quarantined()
              + ", caught up "
              + r.appended()
              + " entries from "
              + ahead.hotkey().address());
    } catch (ReplicaDivergedException e) {
      LOG.error(
          "epoch {}: corpus replica cannot catch up from {}: {}; {}",
          epoch,
          ahead,
          diverged.getMessage(),
          e.getMessage());
    } catch (LogException | MalformedNoteException | RuntimeException e) {
      LOG.error("epoch {}: corpus repair from {} failed: {}", epoch, ahead, e.getMessage());
    }
  }

  /** Entries of epochs up to {@code epoch}; one that does not say its epoch is not taken. */
  static Predicate<CorpusEntry> anchoredBy(long epoch) {
    return e -> {
      JsonNode at = e.json().path("provenance").path("epoch");
      return at.isIntegralNumber() && at.canConvertToLong() && at.asLong() <= epoch;
    };
  }

  /** Where a peer serves its corpus replica (docs/validator.md: {@code /git/corpus.git}). */
  static String corpusUrl(PeerEndpoint peer) {
    String host = peer.host().contains(":") ? "[" + peer.host() + "]" : peer.host();
    return "http://" + host + ":" + peer.port() + "/git/corpus.git";
  }

  private boolean cosignWith(
      long epoch, PeerEndpoint peer, long size, String text, Map<PeerEndpoint, JsonNode> answers) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Reply reply =
          client
              .call(peer, CosignHandler.ROUTE, Json.newObject().put("checkpoint", text), perCall)
              .join();
      if (reply instanceof Reply.Ok ok) {
        try {
          JsonNode body = ok.json();
          answers.put(peer, body);
          corpus.addCosignature(size, body.path("witness").asText(), body.path("note").asText());
          return true;
        } catch (LogException | MalformedNoteException | RuntimeException e) {
          LOG.warn("epoch {}: cosignature from {} refused: {}", epoch, peer, e.getMessage());
          return false;
        }
      }
      if (reply instanceof Reply.Refused refused
          && refused.status() == ProtocolStatus.CONFLICT.code()) {
        // A rollback or a fork as the witness sees it: waiting does not change that.
        LOG.warn("epoch {}: {} refused to cosign: {}", epoch, peer, refused.message());
        return false;
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
}
