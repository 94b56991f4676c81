package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.Sha256;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.core.transport.RouteHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code validator/verdicts}. Three kinds of body:
 *
 * <ul>
 *   <li>{@code {"epoch", "kind": "proposals", "items": [Proposal…]}}: a peer's own aenes with its
 *       verdicts. They are stored, the sampled ones (default all) are scheduled on the {@link
 *       RejudgeQueue}, and the answer comes at once: a page of this validator's verdicts on the
 *       peer's proposals that are ready, and how many are still being judged (see below). Outside
 *       the sample, the proposer's verdict is endorsed only while its reputation is at least the
 *       prior;
 *   <li>{@code {"epoch", "kind": "poll", "after": AENE_ID?}}: the same answer again, the page after
 *       {@code after}. An aene of the peer's that is neither judged nor being judged (the queue was
 *       full, or this validator restarted) is scheduled again;
 *   <li>{@code {"epoch", "kind": "certificate", "verdicts": [...], "final": bool}}: the verdicts
 *       the peer collected on its own proposals, in chunks; the final chunk marks the peer as done
 *       for the epoch.
 * </ul>
 *
 * Answers to the first two: {@code {"verdicts": [...], "pending": N, "next": AENE_ID?}}, at most
 * {@link #PAGE} verdicts in aene-id order, {@code next} present when another page may follow.
 * Refused with 403 when the sender is not a registered validator, 400 when the body is not of that
 * shape ({@link VerdictsBody}: unknown members, an epoch that is not an integer, a {@code final}
 * that is not a boolean), 422 when the epoch is not near this validator's, or when any verdict is
 * forged (bad signature, signer not a validator, wrong epoch, a proposal not the sender's, an aene
 * whose content does not hash to its id). Nothing is stored from a refused body. A verdict already
 * known is not counted again. No judge is called on the request's thread.
 */
public final class VerdictsHandler implements RouteHandler {
  public static final String ROUTE = "validator/verdicts";
  public static final int MAX_ITEMS = 32;
  public static final int PAGE = 256;
  public static final int MAX_BODY_BYTES = 1 << 20;
  private static final int EPOCH_WINDOW = 3;

  private final ConsensusBook book;
  private final Signer key;
  private final KeyId self;
  private final Supplier<ValidatorSet> validators;
  private final LongSupplier currentEpoch;
  private final RejudgeQueue queue;
  private final double sampleRate;
  private final Supplier<PeerReputation> reputation;

  public VerdictsHandler(
      ConsensusBook book,
      Signer key,
      Supplier<ValidatorSet> validators,
      LongSupplier currentEpoch,
      RejudgeQueue queue,
      double sampleRate,
      Supplier<PeerReputation> reputation) {
    this.book = requireNonNull(book, "book");
    this.key = requireNonNull(key, "key");
    this.self = KeyId.of(key.publicKey());
    this.validators = requireNonNull(validators, "validators");
    this.currentEpoch = requireNonNull(currentEpoch, "currentEpoch");
    this.queue = requireNonNull(queue, "queue");
    if (!(sampleRate >= 0 && sampleRate <= 1)) {
      throw new IllegalArgumentException("re-judge rate: " + sampleRate + " (expected: 0..1)");
    }
    this.sampleRate = sampleRate;
    this.reputation = requireNonNull(reputation, "reputation");
  }

  @Override
  public Object handle(InboundCall call) {
    ValidatorSet set = validators.get();
    if (!set.contains(call.sender())) {
      throw new CallRefusedException(
          ProtocolStatus.FORBIDDEN,
          "sender "
              + call.sender()
              + " is not a registered validator (expected: a validator of this subnet)");
    }
    VerdictsBody parsed = VerdictsBody.parse(call.body());
    JsonNode body = parsed.json();
    long epoch = checkEpoch(parsed.epoch());
    try {
      return switch (parsed.kind()) {
        case "proposals" -> proposals(call.sender(), epoch, body, set);
        case "poll" -> answer(call.sender(), epoch, after(body));
        case "certificate" -> certificate(call.sender(), epoch, parsed, set);
        default -> throw new IllegalStateException("kind " + parsed.kind());
      };
    } catch (IllegalArgumentException e) {
      throw unprocessable(e.getMessage());
    }
  }

  private long checkEpoch(long epoch) {
    long now = currentEpoch.getAsLong();
    if (Math.abs(epoch - now) > EPOCH_WINDOW) {
      throw unprocessable(
          "verdicts.epoch: "
              + epoch
              + " (expected: within "
              + EPOCH_WINDOW
              + " of this validator's epoch "
              + now
              + ")");
    }
    return epoch;
  }

  private static String after(JsonNode body) {
    JsonNode a = body.get("after");
    if (a == null || a.isNull() || (a.isTextual() && a.asText().isEmpty())) {
      return "";
    }
    if (!a.isTextual() || !a.asText().matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "verdicts.after: "
              + shorten(a.toString())
              + " (expected: an aene id, 64 lowercase hex digits)");
    }
    return a.asText();
  }

  private ObjectNode proposals(KeyId sender, long epoch, JsonNode body, ValidatorSet set) {
    JsonNode items = array(body, "items");
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String where = "verdicts.items[" + i + "]";
      Proposal p = Proposal.fromJson(items.get(i), where);
      SignedVerdict v = p.verdict();
      if (!v.validator().equals(sender) || !v.proposer().equals(sender)) {
        throw new IllegalArgumentException(
            where
                + ".verdict: signed by "
                + v.validator()
                + " for proposer "
                + v.proposer()
                + " (expected: the sender "
                + sender
                + ")");
      }
      checkVerdict(v, epoch, set, where + ".verdict");
      proposals.add(p);
    }
    // An aene proposed here already (two validators ran the same configuration and seed) keeps
    // its first proposal; the sender's own verdict on it still counts.
    List<Proposal> fresh = new ArrayList<>();
    List<SignedVerdict> known = new ArrayList<>();
    for (Proposal p : proposals) {
      if (book.proposal(epoch, p.aeneId())
          .filter(q -> !q.verdict().proposer().equals(sender))
          .isPresent()) {
        known.add(p.verdict());
      } else {
        fresh.add(p);
      }
    }
    book.record(epoch, fresh, known);
    return answer(sender, epoch, "");
  }

  /**
   * This validator's verdicts on the sender's proposals of the epoch, after {@code after}; what is
   * not judged yet is scheduled (or counted as pending while it is being judged).
   */
  private ObjectNode answer(KeyId sender, long epoch, String after) {
    boolean trusted = reputation.get().of(sender.address()) >= PeerReputation.PRIOR;
    List<SignedVerdict> ready = new ArrayList<>();
    List<SignedVerdict> endorsed = new ArrayList<>();
    List<Proposal> toJudge = new ArrayList<>();
    int pending = 0;
    for (Proposal p : book.proposals(epoch).values()) {
      if (!p.verdict().proposer().equals(sender)) {
        continue;
      }
      Optional<SignedVerdict> mine = book.verdict(epoch, p.aeneId(), self);
      if (mine.isPresent()) {
        // An aene this validator proposed too (both ran the same configuration and seed) already
        // carries its one verdict, signed for itself as proposer: nothing to answer the sender.
        if (mine.get().proposer().equals(sender)) {
          ready.add(mine.get());
        }
      } else if (!sampled(p.aeneId())) {
        if (trusted) {
          SignedVerdict v =
              SignedVerdict.sign(
                  epoch,
                  p.aeneId(),
                  sender,
                  p.verdict().miner(),
                  p.verdict().approve(),
                  p.verdict().dlv(),
                  p.verdict().forecast(),
                  key);
          endorsed.add(v);
          ready.add(v);
        } // not re-judged and the proposer has not earned an endorsement: abstain
      } else if (queue.inFlight(epoch, p.aeneId())) {
        pending++;
      } else if (!queue.givenUp(epoch, p.aeneId())) {
        toJudge.add(p);
        pending++;
      }
    }
    book.record(epoch, List.of(), endorsed);
    for (int from = 0; from < toJudge.size(); from += MAX_ITEMS) {
      if (!queue.schedule(
          epoch, toJudge.subList(from, Math.min(toJudge.size(), from + MAX_ITEMS)))) {
        break; // full: the next poll schedules the rest
      }
    }
    ready.sort(java.util.Comparator.comparing(SignedVerdict::aene));
    ObjectNode out = Json.newObject();
    ArrayNode list = out.putArray("verdicts");
    String last = "";
    int n = 0;
    for (SignedVerdict v : ready) {
      if (v.aene().compareTo(after) <= 0) {
        continue;
      }
      if (n == PAGE) {
        out.put("next", last);
        break;
      }
      list.add(v.toJson());
      last = v.aene();
      n++;
    }
    out.put("pending", pending);
    return out;
  }

  private ObjectNode certificate(KeyId sender, long epoch, VerdictsBody body, ValidatorSet set) {
    JsonNode list = array(body.json(), "verdicts");
    List<SignedVerdict> verdicts = new ArrayList<>();
    Set<String> known = book.proposals(epoch).keySet();
    for (int i = 0; i < list.size(); i++) {
      String where = "verdicts.verdicts[" + i + "]";
      SignedVerdict v = SignedVerdict.fromJson(list.get(i), where);
      checkVerdict(v, epoch, set, where);
      if (!v.proposer().equals(sender)) {
        throw new IllegalArgumentException(
            where
                + ".proposer: "
                + v.proposer()
                + " (expected: the sender "
                + sender
                + "; a certificate carries verdicts on the sender's own proposals)");
      }
      if (!known.contains(v.aene())) {
        throw new IllegalArgumentException(
            where
                + ".aene: "
                + v.aene().substring(0, 16)
                + "… was never proposed to this validator (expected: an aene from the sender's proposals)");
      }
      verdicts.add(v);
    }
    book.record(epoch, List.of(), verdicts);
    if (body.isFinal()) {
      book.peerDone(epoch, sender);
    }
    return Json.newObject().put("stored", verdicts.size());
  }

  private static void checkVerdict(SignedVerdict v, long epoch, ValidatorSet set, String where) {
    if (v.epoch() != epoch) {
      throw new IllegalArgumentException(
          where + ".epoch: " + v.epoch() + " (expected: " + epoch + ")");
    }
    if (!set.contains(v.validator())) {
      throw new IllegalArgumentException(
          where
              + ".validator: "
              + v.validator()
              + " is not a registered validator (expected: a validator of this subnet)");
    }
    if (!v.verifies()) {
      throw new IllegalArgumentException(
          where
              + ".signature: does not verify for "
              + v.validator()
              + " (expected: an Ed25519 signature over the verdict)");
    }
  }

  private boolean sampled(String aeneId) {
    if (sampleRate >= 1) {
      return true;
    }
    byte[] h = Sha256.digest((aeneId + "/" + self.address()).getBytes(StandardCharsets.UTF_8));
    long v = ((h[0] & 0xffL) << 16) | ((h[1] & 0xffL) << 8) | (h[2] & 0xffL);
    return v < sampleRate * (1 << 24);
  }

  private static JsonNode array(JsonNode body, String member) {
    JsonNode a = body.get(member);
    if (a == null || !a.isArray() || a.size() > MAX_ITEMS) {
      throw unprocessable(
          "verdicts."
              + member
              + ": "
              + (a == null ? "missing" : a.isArray() ? a.size() + " entries" : a.getNodeType())
              + " (expected: an array of at most "
              + MAX_ITEMS
              + ")");
    }
    return a;
  }

  private static CallRefusedException unprocessable(String message) {
    return new CallRefusedException(ProtocolStatus.UNPROCESSABLE, message);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
