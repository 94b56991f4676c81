package io.aurelius.anchoring.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.InvalidEntryException;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Deterministic keys, clocks, corpus entries and covenant documents for tests. */
public final class Fixtures {
  public static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
  public static final String ORIGIN = "aurelius.test/corpus";

  private Fixtures() {}

  public static Ed25519KeyPair key(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    seed[31] = 0x5a;
    return Ed25519KeyPair.fromSeed(seed);
  }

  public static String seedHex(int n) {
    return HexFormat.of().formatHex(key(n).privateKey().seed());
  }

  /** The JSON of corpus entry {@code n}: an aene with provenance and verdict summary. */
  public static ObjectNode entryJson(long n) {
    ObjectNode e = Json.newObject();
    e.put("schema", CorpusEntry.SCHEMA);
    ObjectNode aene = e.putObject("aene");
    aene.put("id", String.format("%064x", n + 1));
    aene.put(
        "observation", "Day " + n + ": the well is nearly dry and your neighbour asks for water.");
    aene.put(
        "reasoning",
        "If I refuse, her children suffer; if I share, mine may. Fairness and care pull apart "
            + n
            + ".");
    aene.putObject("action")
        .put("name", "share_water")
        .put("text", "I give her half of what I have.");
    ObjectNode provenance = e.putObject("provenance");
    provenance.put("configuration", String.format("%064x", 7));
    provenance.put("epoch", 3);
    provenance.put("framing", n % 2 == 0 ? "immersive" : "control");
    provenance.putObject("model").put("name", "sim").put("simulated", true);
    ObjectNode verdict = e.putObject("verdict");
    verdict.put("dlv", 0.5 + (n % 5) / 10.0);
    verdict.putObject("approvals").put("validators", 3).put("stake", 900);
    return e;
  }

  public static List<CorpusEntry> entries(long from, int count) {
    List<CorpusEntry> out = new ArrayList<>();
    for (long i = from; i < from + count; i++) {
      try {
        out.add(CorpusEntry.of(entryJson(i), "fixture " + i));
      } catch (InvalidEntryException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  public static ObjectNode genesis(
      String corpusOrigin, List<String> logKeys, List<String> witnessKeys) {
    ObjectNode g = Json.newObject();
    g.put("schema", "aurelius/covenant/1");
    g.put("type", "genesis");
    g.put("purpose", "An open, verifiable corpus of moral reasoning.");
    g.putArray("corpusCriteria")
        .add("DLV at least 0.6")
        .add("approved by a 2/3 stake quorum of validators");
    ObjectNode params = g.putObject("parameters");
    params.put("dlvThreshold", 0.6);
    params.put("epochBlocks", 360);
    ObjectNode anchoring = params.putObject("anchoring");
    anchoring.put("corpusOrigin", corpusOrigin);
    var keys = anchoring.putArray("corpusLogKeys");
    logKeys.forEach(keys::add);
    var witnesses = anchoring.putArray("witnesses");
    witnessKeys.forEach(k -> witnesses.addObject().put("key", k).put("stake", 100));
    anchoring.put("witnessQuorum", "2/3");
    return g;
  }
}
