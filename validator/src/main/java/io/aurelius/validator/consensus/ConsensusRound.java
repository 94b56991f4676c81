package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This validator's side of an epoch's verdict exchange: send its proposals to every peer
 * (chunks of {@link VerdictsHandler#MAX_ITEMS}), keep the verdicts they answer with (checked:
 * signed by that peer, on one of its proposals, this epoch), then send every peer the
 * certificate (all verdicts on its own proposals), and wait, up to a deadline, for the
 * certificates of the peers it could reach.
 */
public final class ConsensusRound {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusRound.class);

  private final ProtocolClient client;
  private final ConsensusBook book;

  public ConsensusRound(ProtocolClient client, ConsensusBook book) {
    this.client = requireNonNull(client, "client");
    this.book = requireNonNull(book, "book");
  }

  /** Sends proposals and then certificates; returns the peers that answered. */
  public Set<KeyId> exchange(long epoch, List<Proposal> mine, List<PeerEndpoint> peers, ValidatorSet set) {
    book.record(epoch, mine, List.of());
    Set<String> own = new HashSet<>();
    mine.forEach(p -> own.add(p.aeneId()));
    List<CompletableFuture<Boolean>> sends = new ArrayList<>();
    for (PeerEndpoint peer : peers) {
      sends.add(CompletableFuture.supplyAsync(() -> propose(epoch, mine, own, peer, set)));
    }
    Set<KeyId> reached = new HashSet<>();
    for (int i = 0; i < peers.size(); i++) {
      if (sends.get(i).join()) {
        reached.add(peers.get(i).hotkey());
      }
    }
    KeyId self = client.hotkey();
    List<SignedVerdict> certificate = new ArrayList<>();
    book.verdicts(epoch).forEach((aene, vs) -> vs.stream().filter(v -> v.proposer().equals(self))
        .forEach(certificate::add));
    List<CompletableFuture<Boolean>> certs = new ArrayList<>();
    for (PeerEndpoint peer : peers) {
      if (reached.contains(peer.hotkey())) {
        certs.add(CompletableFuture.supplyAsync(() -> certify(epoch, certificate, peer)));
      }
    }
    certs.forEach(CompletableFuture::join);
    return reached;
  }

  /** Waits until every peer in {@code peers} has sent its final certificate, or the deadline. */
  public Set<KeyId> await(long epoch, Set<KeyId> peers, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    Set<KeyId> done = new HashSet<>();
    while (true) {
      for (KeyId p : peers) {
        if (!done.contains(p) && book.isPeerDone(epoch, p)) {
          done.add(p);
        }
      }
      if (done.size() == peers.size() || System.nanoTime() > deadline) {
        return done;
      }
      Thread.sleep(100);
    }
  }

  private boolean propose(long epoch, List<Proposal> mine, Set<String> own, PeerEndpoint peer, ValidatorSet set) {
    for (int from = 0; from < mine.size() || from == 0; from += VerdictsHandler.MAX_ITEMS) {
      ObjectNode body = Json.newObject().put("epoch", epoch).put("kind", "proposals");
      ArrayNode items = body.putArray("items");
      mine.subList(from, Math.min(mine.size(), from + VerdictsHandler.MAX_ITEMS)).forEach(p -> items.add(p.toJson()));
      Reply reply = client.call(peer, VerdictsHandler.ROUTE, body).join();
      if (!(reply instanceof Reply.Ok ok)) {
        LOG.warn("epoch {}: peer {} did not take proposals: {}", epoch, peer, describe(reply));
        return false;
      }
      List<SignedVerdict> theirs = new ArrayList<>();
      try {
        JsonNode list = ok.json().path("verdicts");
        for (int i = 0; i < list.size() && i < VerdictsHandler.MAX_ITEMS; i++) {
          SignedVerdict v = SignedVerdict.fromJson(list.get(i), "verdicts[" + i + "]");
          if (v.validator().equals(peer.hotkey()) && v.epoch() == epoch && own.contains(v.aene())
              && v.proposer().equals(client.hotkey()) && set.contains(v.validator()) && v.verifies()) {
            theirs.add(v);
          } else {
            LOG.warn("epoch {}: peer {} answered a verdict that does not check out; ignored", epoch, peer);
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("epoch {}: peer {} answered garbage: {}", epoch, peer, e.getMessage());
        return false;
      }
      book.record(epoch, List.of(), theirs);
      if (mine.isEmpty()) {
        break;
      }
    }
    return true;
  }

  private boolean certify(long epoch, List<SignedVerdict> certificate, PeerEndpoint peer) {
    int n = certificate.size();
    for (int from = 0; from < n || from == 0; from += VerdictsHandler.MAX_ITEMS) {
      int to = Math.min(n, from + VerdictsHandler.MAX_ITEMS);
      ObjectNode body = Json.newObject().put("epoch", epoch).put("kind", "certificate").put("final", to >= n);
      ArrayNode list = body.putArray("verdicts");
      certificate.subList(from, to).forEach(v -> list.add(v.toJson()));
      Reply reply = client.call(peer, VerdictsHandler.ROUTE, body).join();
      if (!(reply instanceof Reply.Ok)) {
        LOG.warn("epoch {}: peer {} did not take the certificate: {}", epoch, peer, describe(reply));
        return false;
      }
      if (n == 0) {
        break;
      }
    }
    return true;
  }

  private static String describe(Reply reply) {
    if (reply instanceof Reply.Refused r) {
      return "refused " + r.status() + ": " + r.message();
    }
    if (reply instanceof Reply.Failed f) {
      return f.failure() + ": " + f.message();
    }
    return "ok";
  }
}
