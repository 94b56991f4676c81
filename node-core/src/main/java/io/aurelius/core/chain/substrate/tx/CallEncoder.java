package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.metadata.CallIndex;
import io.aurelius.core.chain.substrate.metadata.Field;
import io.aurelius.core.chain.substrate.metadata.RuntimeMetadata;
import io.aurelius.core.chain.substrate.metadata.Variant;
import io.aurelius.core.chain.substrate.scale.ScaleWriter;
import io.aurelius.core.chain.substrate.value.Value;
import io.aurelius.core.chain.substrate.value.ValueEncoder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes a call by pallet and call name: the indices come from the metadata, and each argument is
 * encoded as the type the metadata declares for it, in the metadata's order. Arguments are given by
 * name; a missing, extra or ill-typed argument is a one-line error naming the call.
 */
public final class CallEncoder {
  private final RuntimeMetadata metadata;
  private final ValueEncoder encoder;

  public CallEncoder(RuntimeMetadata metadata) {
    this.metadata = requireNonNull(metadata, "metadata");
    this.encoder = new ValueEncoder(metadata.types());
  }

  public RuntimeMetadata metadata() {
    return metadata;
  }

  /** Whether the runtime has this call (e.g. {@code set_mechanism_weights} on newer runtimes). */
  public boolean has(String pallet, String call) {
    return metadata.callIndex(pallet, call).isPresent();
  }

  public RuntimeCall encode(String pallet, String call, Map<String, Value> args) {
    requireNonNull(args, "args");
    String name = pallet + "." + call;
    CallIndex index =
        metadata
            .callIndex(pallet, call)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("call " + name + ": not in the runtime metadata"));
    Variant variant =
        metadata.calls(pallet).stream()
            .filter(v -> v.name().equals(call))
            .findFirst()
            .orElseThrow();
    List<Field> fields = variant.fields();
    Set<String> unused = new HashSet<>(args.keySet());
    ScaleWriter w = new ScaleWriter().u8(index.pallet()).u8(index.call());
    for (Field f : fields) {
      String arg = f.name().orElseThrow(() -> new IllegalStateException(name + ": unnamed field"));
      Value value = args.get(arg);
      if (value == null) {
        throw new IllegalArgumentException(
            "call " + name + ": argument '" + arg + "' missing (expected: " + names(fields) + ")");
      }
      unused.remove(arg);
      try {
        encoder.encode(f.type(), value, w);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "call " + name + ", argument '" + arg + "': " + e.getMessage(), e);
      }
    }
    if (!unused.isEmpty()) {
      throw new IllegalArgumentException(
          "call "
              + name
              + ": unknown arguments "
              + unused.stream().sorted().toList()
              + " (expected: "
              + names(fields)
              + ")");
    }
    return new RuntimeCall(pallet, call, w.toBytes());
  }

  private static String names(List<Field> fields) {
    return String.join(", ", fields.stream().map(f -> f.name().orElse("_")).toList());
  }
}
