package io.aurelius.validator.epoch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.InvalidEntryException;
import io.aurelius.core.json.Json;
import io.aurelius.judge.api.Judges;
import io.aurelius.validator.consensus.Decision;
import io.aurelius.worldmodel.outcome.UlfrJson;
import io.aurelius.worldmodel.transcript.Aene;

/**
 * The corpus entry of an accepted aene (docs/corpus-format.md). Only what every validator holding
 * the same verdicts computes alike goes in (not which validator simulated or wrote it, since
 * validators with the same deterministic model produce the same aenes; the median DLV and the count
 * and stake of the approvals), so validators' logs agree entry for entry and can cosign each other.
 */
final class CorpusEntries {
  private CorpusEntries() {}

  static CorpusEntry of(long epoch, Decision.Accepted accepted) {
    Aene a = accepted.proposal().aene();
    ObjectNode o = Json.newObject().put("schema", CorpusEntry.SCHEMA);
    ObjectNode aene =
        o.putObject("aene")
            .put("id", a.id().hex())
            .put(
                "observation",
                a.system().isBlank() ? a.observation() : a.system() + "\n\n" + a.observation())
            .put("reasoning", a.reasoning());
    ObjectNode action =
        aene.putObject("action").put("name", a.action()).put("text", Judges.actionInWords(a));
    action.set("params", Json.toTree(a.params()));
    aene.set("consequences", Json.toTree(a.consequences()));
    ObjectNode p =
        o.putObject("provenance")
            .put("configuration", a.configId().hex())
            .put("miner", accepted.proposal().verdict().miner().address())
            .put("epoch", epoch)
            .put("framing", a.framing().json())
            .put("seed", a.seed())
            .put("agent", a.agent())
            .put("turn", a.step())
            .put("world_model", a.worldModel().toString());
    p.putObject("model").put("name", a.model()).put("simulated", a.sim());
    accepted.proposal().outcome().ifPresent(u -> o.set("outcome", UlfrJson.of(u)));
    ObjectNode verdict = o.putObject("verdict").put("dlv", accepted.dlv());
    verdict
        .putObject("approvals")
        .put("validators", accepted.approvers().size())
        .put("stake", accepted.stake());
    try {
      return CorpusEntry.of(o, "corpus entry for aene " + a.id().shortHex());
    } catch (InvalidEntryException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
