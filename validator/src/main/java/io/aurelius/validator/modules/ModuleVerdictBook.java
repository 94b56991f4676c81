package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.validator.store.ValidatorStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The signed module verdicts a validator holds (its own and its peers'), the stake of each epoch
 * they were given in, and the modules it adopted, in its state store. A verdict is stored once per
 * (epoch, validator, module): the first counts.
 */
public final class ModuleVerdictBook {
  private static final long GLOBAL = -1;
  private static final String VERDICT = "module-verdict";
  private static final String REPORTED = "module-verdicts-from";
  private static final String STAKES = "module-stakes";
  private static final String ADOPTED = "module-adopted";

  private final ValidatorStore store;

  public ModuleVerdictBook(ValidatorStore store) {
    this.store = requireNonNull(store, "store");
  }

  /** Stores {@code signed} (already verified as {@code verdict}); returns whether it was new. */
  public boolean put(ModuleVerdict verdict, JsonNode signed) {
    return store.putItem(
        verdict.epoch(),
        VERDICT,
        verdict.validator().address() + "/" + verdict.module().hex(),
        CanonicalJson.bytes(signed));
  }

  /** Records that {@code validator} sent its verdicts of {@code epoch} (possibly none). */
  public void reported(long epoch, KeyId validator) {
    store.putItem(epoch, REPORTED, validator.address(), new byte[] {'{', '}'});
  }

  /** The validators whose verdicts of {@code epoch} arrived, this one's included once it stored. */
  public Set<KeyId> reporters(long epoch) {
    Set<KeyId> out = new LinkedHashSet<>();
    store.items(epoch, REPORTED).keySet().forEach(k -> out.add(KeyId.parse(k)));
    return out;
  }

  /** The verdicts of {@code epoch}, each verified again on reading. */
  public List<ModuleVerdict> verdicts(long epoch) {
    List<ModuleVerdict> out = new ArrayList<>();
    for (byte[] b : store.items(epoch, VERDICT).values()) {
      out.add(ModuleVerdict.verify(Json.parse(b, "stored module verdict", JsonLimits.UNTRUSTED)));
    }
    return out;
  }

  /** The signed verdicts of {@code epoch} given by {@code validator}. */
  public List<JsonNode> signedBy(long epoch, KeyId validator) {
    List<JsonNode> out = new ArrayList<>();
    store
        .items(epoch, VERDICT)
        .forEach(
            (k, b) -> {
              if (k.startsWith(validator.address() + "/")) {
                out.add(Json.parse(b, "stored module verdict", JsonLimits.UNTRUSTED));
              }
            });
    return out;
  }

  /** Records the validators' stakes of {@code epoch} (the first record stays). */
  public void stakes(long epoch, Map<KeyId, Long> stakes) {
    ObjectNode o = Json.newObject();
    stakes.forEach((k, v) -> o.put(k.address(), v));
    store.putItem(epoch, STAKES, "set", CanonicalJson.bytes(o));
  }

  /** The stakes recorded for {@code epoch}, or none. */
  public Map<KeyId, Long> stakes(long epoch) {
    Map<KeyId, Long> out = new LinkedHashMap<>();
    store
        .item(epoch, STAKES, "set")
        .map(b -> Json.parse(b, "stored stakes", JsonLimits.UNTRUSTED))
        .ifPresent(
            n ->
                n.fields()
                    .forEachRemaining(
                        e -> out.put(KeyId.parse(e.getKey()), e.getValue().asLong())));
    return out;
  }

  /** Records that module {@code id} was adopted in {@code epoch}. */
  public void adopted(String id, long epoch) {
    store.putItem(GLOBAL, ADOPTED, id, CanonicalJson.bytes(Json.newObject().put("epoch", epoch)));
  }

  /** The epoch module {@code id} was adopted in, if it was. */
  public Optional<Long> adoptedIn(String id) {
    return store
        .item(GLOBAL, ADOPTED, id)
        .map(b -> Json.parse(b, "stored adoption", JsonLimits.UNTRUSTED).path("epoch").asLong());
  }

  /** Adopted module ids with their epochs. */
  public Map<String, Long> adoptions() {
    Map<String, Long> out = new LinkedHashMap<>();
    store
        .items(GLOBAL, ADOPTED)
        .forEach(
            (k, b) ->
                out.put(
                    k,
                    Json.parse(b, "stored adoption", JsonLimits.UNTRUSTED).path("epoch").asLong()));
    return out;
  }
}
