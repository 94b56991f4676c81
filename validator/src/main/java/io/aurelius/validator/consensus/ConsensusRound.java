package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This validator's side of an epoch's verdict exchange: send its proposals to every peer (chunks of
 * {@link VerdictsHandler#MAX_ITEMS}), then poll each peer, while it re-judges them with its own
 * judges, until it has no verdict pending or the exchange's deadline passes; keep the verdicts they
 * answer with (checked: signed by that peer, on one of its proposals, this epoch). Then send every
 * peer reached the certificate (all verdicts on its own proposals), and later wait, up to a
 * deadline, for the certificates of the peers it could reach. A busy or unreachable peer is retried
 * until the deadline; a peer that refuses outright is given up.
 */
public final class ConsensusRound {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusRound.class);
  private static final long FIRST_POLL_MILLIS = 500;
  private static final long MAX_POLL_MILLIS = 5_000;

  private final ProtocolClient client;
  private final ConsensusBook book;
  private final Duration perCall;
  private final Duration exchange;

  /**
   * @param perCall how long one call to a peer may take
   * @param exchange how long the whole exchange may take (peers re-judge in it)
   */
  public ConsensusRound(
      ProtocolClient client, ConsensusBook book, Duration perCall, Duration exchange) {
    this.client = requireNonNull(client, "client");
    this.book = requireNonNull(book, "book");
    this.perCall = requireNonNull(perCall, "perCall");
    this.exchange = requireNonNull(exchange, "exchange");
  }

  /**
   * Sends proposals, collects verdicts, then sends certificates; returns the peers that took the
   * proposals.
   */
  public Set<KeyId> exchange(
      long epoch, List<Proposal> mine, List<PeerEndpoint> peers, ValidatorSet set)
      throws InterruptedException {
    book.record(epoch, mine, List.of());
    Set<String> own = new HashSet<>();
    mine.forEach(p -> own.add(p.aeneId()));
    long deadline = System.nanoTime() + exchange.toNanos();
    // One thread per peer: each waits on its peer's judges, so they must not queue behind each
    // other.
    ExecutorService perPeer =
        Executors.newFixedThreadPool(
            Math.max(1, peers.size()),
            r -> {
              Thread t = new Thread(r, "validator-exchange");
              t.setDaemon(true);
              return t;
            });
    try {
      List<CompletableFuture<Boolean>> sends = new ArrayList<>();
      for (PeerEndpoint peer : peers) {
        sends.add(
            CompletableFuture.supplyAsync(
                () -> propose(epoch, mine, own, peer, set, deadline), perPeer));
      }
      Set<KeyId> reached = new HashSet<>();
      for (int i = 0; i < peers.size(); i++) {
        if (await(sends.get(i))) {
          reached.add(peers.get(i).hotkey());
        }
      }
      KeyId self = client.hotkey();
      List<SignedVerdict> certificate = new ArrayList<>();
      book.verdicts(epoch)
          .forEach(
              (aene, vs) ->
                  vs.stream().filter(v -> v.proposer().equals(self)).forEach(certificate::add));
      List<CompletableFuture<Boolean>> certs = new ArrayList<>();
      for (PeerEndpoint peer : peers) {
        if (reached.contains(peer.hotkey())) {
          certs.add(
              CompletableFuture.supplyAsync(() -> certify(epoch, certificate, peer), perPeer));
        }
      }
      for (CompletableFuture<Boolean> c : certs) {
        await(c);
      }
      return reached;
    } finally {
      perPeer.shutdownNow();
    }
  }

  private static boolean await(CompletableFuture<Boolean> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      LOG.warn("verdict exchange: {}", e.getCause().toString());
      return false;
    }
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

  /**
   * Delivers the proposals and polls for the peer's verdicts; whether the peer took the proposals.
   */
  private boolean propose(
      long epoch,
      List<Proposal> mine,
      Set<String> own,
      PeerEndpoint peer,
      ValidatorSet set,
      long deadline) {
    Pending pending = new Pending();
    for (int from = 0; from < mine.size() || from == 0; from += VerdictsHandler.MAX_ITEMS) {
      ObjectNode body = Json.newObject().put("epoch", epoch).put("kind", "proposals");
      ArrayNode items = body.putArray("items");
      mine.subList(from, Math.min(mine.size(), from + VerdictsHandler.MAX_ITEMS))
          .forEach(p -> items.add(p.toJson()));
      Optional<JsonNode> answer = callUntil(peer, body, deadline, "proposals");
      if (answer.isEmpty()) {
        return false;
      }
      if (!take(epoch, own, peer, set, answer.get(), pending)) {
        return false;
      }
      if (mine.isEmpty()) {
        return true;
      }
    }
    long pause = FIRST_POLL_MILLIS;
    while (pending.count > 0 || pending.next.isPresent()) {
      if (pending.next.isEmpty()) {
        if (System.nanoTime() + pause * 1_000_000 > deadline) {
          LOG.warn(
              "epoch {}: peer {} still re-judging {} aenes at the verdict deadline",
              epoch,
              peer,
              pending.count);
          return true;
        }
        try {
          Thread.sleep(pause);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return true;
        }
        pause = Math.min(MAX_POLL_MILLIS, pause * 2);
      }
      ObjectNode body =
          Json.newObject()
              .put("epoch", epoch)
              .put("kind", "poll")
              .put("after", pending.next.orElse(""));
      Optional<JsonNode> answer = callUntil(peer, body, deadline, "poll");
      if (answer.isEmpty() || !take(epoch, own, peer, set, answer.get(), pending)) {
        return true; // it took the proposals; its verdicts so far are kept
      }
    }
    return true;
  }

  /** Where polling a peer stands: verdicts it still has pending, and the next page if any. */
  private static final class Pending {
    int count;
    Optional<String> next = Optional.empty();
  }

  /** Keeps the verdicts of one answer that check out; false for an answer that is not one. */
  private boolean take(
      long epoch,
      Set<String> own,
      PeerEndpoint peer,
      ValidatorSet set,
      JsonNode answer,
      Pending pending) {
    List<SignedVerdict> theirs = new ArrayList<>();
    try {
      JsonNode list = answer.path("verdicts");
      if (!list.isArray() || list.size() > VerdictsHandler.PAGE) {
        throw new IllegalArgumentException(
            "verdicts: not an array of at most " + VerdictsHandler.PAGE);
      }
      for (int i = 0; i < list.size(); i++) {
        SignedVerdict v = SignedVerdict.fromJson(list.get(i), "verdicts[" + i + "]");
        if (v.validator().equals(peer.hotkey())
            && v.epoch() == epoch
            && own.contains(v.aene())
            && v.proposer().equals(client.hotkey())
            && set.contains(v.validator())
            && v.verifies()) {
          theirs.add(v);
        } else {
          LOG.warn(
              "epoch {}: peer {} answered a verdict that does not check out; ignored", epoch, peer);
        }
      }
      JsonNode count = answer.path("pending");
      pending.count =
          count.canConvertToInt() ? Math.max(0, Math.min(count.asInt(), own.size())) : 0;
      JsonNode next = answer.get("next");
      pending.next =
          next != null
                  && next.isTextual()
                  && next.asText().matches("[0-9a-f]{64}")
                  && pending.next.map(n -> next.asText().compareTo(n) > 0).orElse(true)
              ? Optional.of(next.asText())
              : Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("epoch {}: peer {} answered garbage: {}", epoch, peer, e.getMessage());
      return false;
    }
    book.record(epoch, List.of(), theirs);
    return true;
  }

  /**
   * One call, retried while the peer is busy and the deadline allows, and while it cannot be
   * reached for at most one call's time (a peer restarting); empty if it never took it.
   */
  private Optional<JsonNode> callUntil(
      PeerEndpoint peer, ObjectNode body, long deadline, String what) {
    long pause = FIRST_POLL_MILLIS;
    long unreachableSince = 0;
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        LOG.warn("peer {} did not take the {} before the verdict deadline", peer, what);
        return Optional.empty();
      }
      Duration timeout = Duration.ofNanos(Math.min(perCall.toNanos(), left));
      Reply reply = client.call(peer, VerdictsHandler.ROUTE, body, timeout).join();
      if (reply instanceof Reply.Ok ok) {
        try {
          return Optional.of(ok.json());
        } catch (RuntimeException e) {
          LOG.warn("peer {} answered the {} with garbage: {}", peer, what, e.getMessage());
          return Optional.empty();
        }
      }
      if (!transient_(reply)) {
        LOG.warn("peer {} did not take the {}: {}", peer, what, describe(reply));
        return Optional.empty();
      }
      if (reply instanceof Reply.Failed f && f.failure() == Reply.Failure.CONNECT) {
        long now = System.nanoTime();
        unreachableSince = unreachableSince == 0 ? now : unreachableSince;
        if (now - unreachableSince > perCall.toNanos()) {
          LOG.warn(
              "peer {} unreachable for {} s; the {} are not delivered: {}",
              peer,
              perCall.toSeconds(),
              what,
              describe(reply));
          return Optional.empty();
        }
      } else {
        unreachableSince = 0;
      }
      try {
        Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
      pause = Math.min(MAX_POLL_MILLIS, pause * 2);
    }
  }

  /** Busy (429, 503) or a connection that failed or timed out: worth another try. */
  private static boolean transient_(Reply reply) {
    if (reply instanceof Reply.Refused r) {
      return r.status() == ProtocolStatus.TOO_MANY_REQUESTS.code() || r.status() == 503;
    }
    if (reply instanceof Reply.Failed f) {
      return switch (f.failure()) {
        case CONNECT, TIMEOUT, CLOSED -> true;
        case MALFORMED, UNVERIFIED, REJECTED -> false;
      };
    }
    return false;
  }

  private boolean certify(long epoch, List<SignedVerdict> certificate, PeerEndpoint peer) {
    int n = certificate.size();
    for (int from = 0; from < n || from == 0; from += VerdictsHandler.MAX_ITEMS) {
      int to = Math.min(n, from + VerdictsHandler.MAX_ITEMS);
      ObjectNode body =
          Json.newObject().put("epoch", epoch).put("kind", "certificate").put("final", to >= n);
      ArrayNode list = body.putArray("verdicts");
      certificate.subList(from, to).forEach(v -> list.add(v.toJson()));
      Reply reply = client.call(peer, VerdictsHandler.ROUTE, body, perCall).join();
      if (!(reply instanceof Reply.Ok)) {
        LOG.warn(
            "epoch {}: peer {} did not take the certificate: {}", epoch, peer, describe(reply));
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
