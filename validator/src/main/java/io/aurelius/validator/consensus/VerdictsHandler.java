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
import io.aurelius.worldmodel.transcript.Aene;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Serves {@code validator/verdicts}. Two kinds of body:
 * <ul>
 *   <li>{@code {"epoch", "kind": "proposals", "items": [Proposal…]}}: a peer's own aenes with
 *       its verdicts; answered with this validator's signed verdicts on them,
 *       {@code {"verdicts": [...]}} (re-judged for a sample, default all; outside the sample,
 *       the proposer's verdict is endorsed only while its reputation is at least the prior);</li>
 *   <li>{@code {"epoch", "kind": "certificate", "verdicts": [...], "final": bool}}: the
 *       verdicts the peer collected on its own proposals, in chunks; the final chunk marks the
 *       peer as done for the epoch.</li>
 * </ul>
 * Refused with 403 when the sender is not a registered validator, 422 when the epoch is not
 * near this validator's, or when any verdict is forged (bad signature, signer not a
 * validator, wrong epoch, a proposal not the sender's, an aene whose content does not hash to
 * its id). Nothing is stored from a refused body. A verdict already known is not counted again.
 */
public final class VerdictsHandler implements RouteHandler {
  public static final String ROUTE = "validator/verdicts";
  public static final int MAX_ITEMS = 32;
  public static final int MAX_BODY_BYTES = 1 << 20;
  private static final int EPOCH_WINDOW = 3;

  private final ConsensusBook book;
  private final Signer key;
  private final Supplier<ValidatorSet> validators;
  private final LongSupplier currentEpoch;
  private final Rejudge rejudge;
  private final double sampleRate;
  private final Supplier<PeerReputation> reputation;

  public VerdictsHandler(ConsensusBook book, Signer key, Supplier<ValidatorSet> validators,
      LongSupplier currentEpoch, Rejudge rejudge, double sampleRate, Supplier<PeerReputation> reputation) {
    this.book = requireNonNull(book, "book");
    this.key = requireNonNull(key, "key");
    this.validators = requireNonNull(validators, "validators");
    this.currentEpoch = requireNonNull(currentEpoch, "currentEpoch");
    this.rejudge = requireNonNull(rejudge, "rejudge");
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
      throw new CallRefusedException(ProtocolStatus.FORBIDDEN, "sender " + call.sender()
          + " is not a registered validator (expected: a validator of this subnet)");
    }
    JsonNode body = call.body();
    long epoch = epochOf(body);
    String kind = body.path("kind").asText("");
    try {
      return switch (kind) {
        case "proposals" -> proposals(call.sender(), epoch, body, set);
        case "certificate" -> certificate(call.sender(), epoch, body, set);
        default -> throw unprocessable("verdicts.kind: '" + shorten(kind) + "' (expected: proposals or certificate)");
      };
    } catch (IllegalArgumentException e) {
      throw unprocessable(e.getMessage());
    }
  }

  private long epochOf(JsonNode body) {
    JsonNode e = body.get("epoch");
    if (e == null || !e.canConvertToExactIntegral() || e.asLong() < 0) {
      throw unprocessable("verdicts.epoch: " + e + " (expected: an epoch number)");
    }
    long now = currentEpoch.getAsLong();
    if (Math.abs(e.asLong() - now) > EPOCH_WINDOW) {
      throw unprocessable("verdicts.epoch: " + e.asLong() + " (expected: within " + EPOCH_WINDOW
          + " of this validator's epoch " + now + ")");
    }
    return e.asLong();
  }

  private ObjectNode proposals(KeyId sender, long epoch, JsonNode body, ValidatorSet set) {
    JsonNode items = array(body, "items");
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String where = "verdicts.items[" + i + "]";
      Proposal p = Proposal.fromJson(items.get(i), where);
      SignedVerdict v = p.verdict();
      if (!v.validator().equals(sender) || !v.proposer().equals(sender)) {
        throw new IllegalArgumentException(where + ".verdict: signed by " + v.validator() + " for proposer "
            + v.proposer() + " (expected: the sender " + sender + ")");
      }
      checkVerdict(v, epoch, set, where + ".verdict");
      proposals.add(p);
    }
    List<Aene> sampled = new ArrayList<>();
    for (Proposal p : proposals) {
      if (sampled(p.aeneId())) {
        sampled.add(p.aene());
      }
    }
    Map<String, Rejudge.Judgement> judged = sampled.isEmpty() ? Map.of() : rejudge.judge(sampled);
    List<SignedVerdict> mine = new ArrayList<>();
    boolean trusted = reputation.get().of(sender.address()) >= PeerReputation.PRIOR;
    for (Proposal p : proposals) {
      Rejudge.Judgement j = judged.get(p.aeneId());
      if (j == null && !trusted) {
        continue; // not re-judged and the proposer has not earned an endorsement: abstain
      }
      boolean approve = j != null ? j.approve() : p.verdict().approve();
      double dlv = j != null ? j.dlv() : p.verdict().dlv();
      mine.add(SignedVerdict.sign(epoch, p.aeneId(), sender, p.verdict().miner(), approve, dlv, key));
    }
    book.record(epoch, proposals, mine);
    ObjectNode out = Json.newObject();
    ArrayNode list = out.putArray("verdicts");
    mine.forEach(v -> list.add(v.toJson()));
    return out;
  }

  private ObjectNode certificate(KeyId sender, long epoch, JsonNode body, ValidatorSet set) {
    JsonNode list = array(body, "verdicts");
    List<SignedVerdict> verdicts = new ArrayList<>();
    Set<String> known = book.proposals(epoch).keySet();
    for (int i = 0; i < list.size(); i++) {
      String where = "verdicts.verdicts[" + i + "]";
      SignedVerdict v = SignedVerdict.fromJson(list.get(i), where);
      checkVerdict(v, epoch, set, where);
      if (!v.proposer().equals(sender)) {
        throw new IllegalArgumentException(where + ".proposer: " + v.proposer() + " (expected: the sender "
            + sender + "; a certificate carries verdicts on the sender's own proposals)");
      }
      if (!known.contains(v.aene())) {
        throw new IllegalArgumentException(where + ".aene: " + v.aene().substring(0, 16)
            + "… was never proposed to this validator (expected: an aene from the sender's proposals)");
      }
      verdicts.add(v);
    }
    book.record(epoch, List.of(), verdicts);
    if (body.path("final").asBoolean(false)) {
      book.peerDone(epoch, sender);
    }
    return Json.newObject().put("stored", verdicts.size());
  }

  private static void checkVerdict(SignedVerdict v, long epoch, ValidatorSet set, String where) {
    if (v.epoch() != epoch) {
      throw new IllegalArgumentException(where + ".epoch: " + v.epoch() + " (expected: " + epoch + ")");
    }
    if (!set.contains(v.validator())) {
      throw new IllegalArgumentException(where + ".validator: " + v.validator()
          + " is not a registered validator (expected: a validator of this subnet)");
    }
    if (!v.verifies()) {
      throw new IllegalArgumentException(where + ".signature: does not verify for " + v.validator()
          + " (expected: an Ed25519 signature over the verdict)");
    }
  }

  private boolean sampled(String aeneId) {
    if (sampleRate >= 1) {
      return true;
    }
    byte[] h = Sha256.digest((aeneId + "/" + KeyIdText.of(key)).getBytes(StandardCharsets.UTF_8));
    long v = ((h[0] & 0xffL) << 16) | ((h[1] & 0xffL) << 8) | (h[2] & 0xffL);
    return v < sampleRate * (1 << 24);
  }

  private static JsonNode array(JsonNode body, String member) {
    JsonNode a = body.get(member);
    if (a == null || !a.isArray() || a.size() > MAX_ITEMS) {
      throw unprocessable("verdicts." + member + ": " + (a == null ? "missing" : a.isArray() ? a.size() + " entries"
          : a.getNodeType()) + " (expected: an array of at most " + MAX_ITEMS + ")");
    }
    return a;
  }

  private static CallRefusedException unprocessable(String message) {
    return new CallRefusedException(ProtocolStatus.UNPROCESSABLE, message);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** The hotkey address of a key pair. */
  private static final class KeyIdText {
    static String of(Signer key) {
      return KeyId.of(key.publicKey()).address();
    }
  }
}
