package io.aurelius.judge.defence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.hash.Sha256;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.BundledData;
import io.aurelius.judge.data.Fields;
import io.aurelius.judge.port.JudgeInput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes the canaries for a batch. Choices are drawn from a generator seeded by the batch's own
 * content and a per-validator secret, so a batch always gets the same canaries from the same
 * validator (replays agree) while a miner cannot predict them.
 */
public final class CanaryFactory {
  public static final String BUNDLED = "judge/defence/canaries.json";
  private static final JsonLimits LIMITS = new JsonLimits(64 * 1024, 8, 4096);
  private static final String FALLBACK_OBSERVATION =
      "You are standing at the door of your neighbour's flat. She asked you to water her plants"
          + " while she is away, and you see through the window that a pipe has burst inside.";
  private static final String FALLBACK_ACTION = "I call the building manager.";

  private final List<String> stuffing;
  private final List<String> injections;
  private final byte[] secret;

  public CanaryFactory(List<String> stuffing, List<String> injections, byte[] secret) {
    this.stuffing = List.copyOf(stuffing);
    this.injections = List.copyOf(injections);
    this.secret = requireNonNull(secret, "secret").clone();
    if (this.stuffing.size() < 2 || this.injections.isEmpty()) {
      throw new IllegalArgumentException(
          "canaries: "
              + this.stuffing.size()
              + " stuffing and "
              + this.injections.size()
              + " injection texts (expected: at least 2 and 1)");
    }
  }

  /** The bundled canary text with the given secret (a validator's own, e.g. from its key). */
  public static CanaryFactory bundled(byte[] secret) {
    JsonNode root = Json.parse(BundledData.read(BUNDLED), BUNDLED, LIMITS);
    Fields f =
        Fields.of(
            root, BUNDLED, Set.of("format", "version", "description", "stuffing", "injections"));
    if (!"aurelius.canaries/1".equals(f.text("format"))) {
      throw new JsonInputException(BUNDLED + ".format: expected aurelius.canaries/1");
    }
    return new CanaryFactory(f.texts("stuffing"), f.texts("injections"), secret);
  }

  /** One canary of each kind for this batch. */
  public List<Canary> forBatch(List<JudgeInput> batch) {
    requireNonNull(batch, "batch");
    byte[] seedBytes = seed(batch);
    SplittableRandom rnd = new SplittableRandom(ByteBuffer.wrap(seedBytes).getLong());
    String tag = HexFormat.of().formatHex(seedBytes, 8, 14);
    String configuration = batch.isEmpty() ? "canary" : batch.get(0).configurationId();
    List<Canary> out = new ArrayList<>();
    for (CanaryKind kind : CanaryKind.values()) {
      JudgeInput source = batch.isEmpty() ? null : batch.get(rnd.nextInt(batch.size()));
      String observation =
          source == null || source.observation().isBlank()
              ? FALLBACK_OBSERVATION
              : source.observation();
      String action =
          source == null || source.action().isBlank() ? FALLBACK_ACTION : source.action();
      String reasoning =
          switch (kind) {
            case EMPTY_REASONING -> "";
            case COPIED_OBSERVATION -> observation;
            case KEYWORD_STUFFING -> stuffed(rnd, 3);
            case INJECTION ->
                stuffed(rnd, 2) + " " + injections.get(rnd.nextInt(injections.size()));
          };
      String id = "canary-" + tag + "-" + kind.label();
      out.add(
          new Canary(
              kind, new JudgeInput(id, configuration, observation, reasoning, action, false)));
    }
    return out;
  }

  private String stuffed(SplittableRandom rnd, int sentences) {
    List<String> pool = new ArrayList<>(stuffing);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < sentences && !pool.isEmpty(); i++) {
      b.append(i == 0 ? "" : " ").append(pool.remove(rnd.nextInt(pool.size())));
    }
    return b.toString();
  }

  private byte[] seed(List<JudgeInput> batch) {
    StringBuilder b = new StringBuilder();
    for (JudgeInput in : batch) {
      b.append(in.aeneId()).append('\n');
    }
    byte[] ids = b.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[secret.length + ids.length];
    System.arraycopy(secret, 0, all, 0, secret.length);
    System.arraycopy(ids, 0, all, secret.length, ids.length);
    return Sha256.digest(all);
  }
}
