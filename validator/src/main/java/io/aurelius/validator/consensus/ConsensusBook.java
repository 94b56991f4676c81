package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.validator.store.ValidatorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What this validator knows of an epoch's consensus, kept in the state store: proposals ({@code
 * aene}), signed verdicts by anyone ({@code verdict}, one per aene and signer, first one kept, so a
 * replayed verdict counts once), and which peers have finished sending ({@code peer-done}).
 */
public final class ConsensusBook {
  static final String AENE = "aene";
  static final String VERDICT = "verdict";
  static final String PEER_DONE = "peer-done";
  private static final JsonLimits LIMITS = new JsonLimits(4 << 20, 64, 1 << 20);

  private final ValidatorStore store;

  public ConsensusBook(ValidatorStore store) {
    this.store = requireNonNull(store, "store");
  }

  /** Stores proposals and verdicts in one transaction. */
  public void record(long epoch, List<Proposal> proposals, List<SignedVerdict> verdicts) {
    store.atomically(
        tx -> {
          for (Proposal p : proposals) {
            tx.putItem(epoch, AENE, p.aeneId(), CanonicalJson.bytes(p.toJson()));
            putVerdict(tx, epoch, p.verdict());
          }
          verdicts.forEach(v -> putVerdict(tx, epoch, v));
          return null;
        });
  }

  /** Stores proposals inside a caller's transaction (the pipeline's scoring step). */
  public static void write(ValidatorStore.Tx tx, long epoch, List<Proposal> proposals) {
    for (Proposal p : proposals) {
      tx.putItem(epoch, AENE, p.aeneId(), CanonicalJson.bytes(p.toJson()));
      putVerdict(tx, epoch, p.verdict());
    }
  }

  private static void putVerdict(ValidatorStore.Tx tx, long epoch, SignedVerdict v) {
    tx.putItem(
        epoch, VERDICT, v.aene() + "/" + v.validator().address(), CanonicalJson.bytes(v.toJson()));
  }

  public Optional<Proposal> proposal(long epoch, String aeneId) {
    return store.item(epoch, AENE, aeneId).map(b -> Proposal.fromJson(parse(b), "stored proposal"));
  }

  /** Every proposal of the epoch, by aene id. */
  public Map<String, Proposal> proposals(long epoch) {
    Map<String, Proposal> out = new TreeMap<>();
    store
        .items(epoch, AENE)
        .forEach((id, b) -> out.put(id, Proposal.fromJson(parse(b), "stored proposal")));
    return out;
  }

  /** The verdict {@code validator} gave on an aene, if it is known here. */
  public Optional<SignedVerdict> verdict(long epoch, String aeneId, KeyId validator) {
    return store
        .item(epoch, VERDICT, aeneId + "/" + validator.address())
        .map(b -> SignedVerdict.fromJson(parse(b), "stored verdict"));
  }

  /** Every verdict of the epoch, grouped by aene id. */
  public Map<String, List<SignedVerdict>> verdicts(long epoch) {
    Map<String, List<SignedVerdict>> out = new TreeMap<>();
    store
        .items(epoch, VERDICT)
        .forEach(
            (key, b) -> {
              SignedVerdict v = SignedVerdict.fromJson(parse(b), "stored verdict");
              out.computeIfAbsent(v.aene(), k -> new ArrayList<>()).add(v);
            });
    return out;
  }

  public void peerDone(long epoch, KeyId peer) {
    store.putItem(epoch, PEER_DONE, peer.address(), new byte[] {'{', '}'});
  }

  public boolean isPeerDone(long epoch, KeyId peer) {
    return store.item(epoch, PEER_DONE, peer.address()).isPresent();
  }

  private static JsonNode parse(byte[] b) {
    return Json.parse(b, "stored consensus item", LIMITS);
  }
}
