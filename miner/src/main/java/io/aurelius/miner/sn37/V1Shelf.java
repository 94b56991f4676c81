package io.aurelius.miner.sn37;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.sn37.PyJson;
import io.aurelius.config.v1.V1Export;
import io.aurelius.config.v1.V1Invalid;
import io.aurelius.config.v1.V1Validator;
import io.aurelius.config.validation.Problem;
import io.aurelius.core.hash.ContentId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The served configurations that SN37 can take: each exported with {@link V1Export} and checked
 * with {@link V1Validator} as SN37's validator checks it (size counted on the {@code json.dumps}
 * rendering, its {@code len(json.dumps(config, sort_keys=True).encode())}). A configuration with no
 * schema_v1 form (mechanics-only, three agents, …) is left out, once logged. Exports are kept by
 * content id, since they depend only on the content.
 */
final class V1Shelf {
  private final Supplier<List<CompiledConfig>> served;
  private final Map<ContentId, Optional<V1Offer>> exports = new ConcurrentHashMap<>();

  V1Shelf(Supplier<List<CompiledConfig>> served) {
    this.served = requireNonNull(served, "served");
  }

  /** The offers, in the served order. */
  List<V1Offer> offers() {
    List<V1Offer> offers = new ArrayList<>();
    Set<ContentId> current = new HashSet<>();
    for (CompiledConfig c : served.get()) {
      current.add(c.id());
      exports.computeIfAbsent(c.id(), id -> export(c)).ifPresent(offers::add);
    }
    // Forget configurations that left the library, so the cache stays the library's size.
    exports.keySet().retainAll(current);
    return offers;
  }

  private static Optional<V1Offer> export(CompiledConfig c) {
    String name = c.config().name();
    ObjectNode v1;
    try {
      v1 = V1Export.convert(c);
    } catch (V1Invalid e) {
      Sn37Status.notExportable(c.id(), name, e.getMessage());
      return Optional.empty();
    }
    long size = PyJson.dumps(v1).getBytes(StandardCharsets.UTF_8).length;
    List<Problem> problems = V1Validator.validate(v1, size);
    if (!problems.isEmpty()) {
      Sn37Status.notExportable(c.id(), name, "schema_v1: " + problems.get(0));
      return Optional.empty();
    }
    return Optional.of(new V1Offer(c.id(), name, v1));
  }
}
