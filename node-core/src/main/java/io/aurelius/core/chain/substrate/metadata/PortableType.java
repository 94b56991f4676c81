package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;

/**
 * One entry of the portable type registry: its id, its path (e.g. {@code [pallet_subtensor,
 * rpc_info, neuron_info, NeuronInfoLite]}), its generic parameters and its definition.
 */
public record PortableType(int id, List<String> path, List<TypeParam> params, TypeDef def) {
  public PortableType {
    path = List.copyOf(path);
    params = List.copyOf(params);
    requireNonNull(def, "def");
  }

  /** The last path segment, or empty for anonymous types (tuples, primitives, sequences). */
  public String name() {
    return path.isEmpty() ? "" : path.get(path.size() - 1);
  }

  /** A generic parameter: its name and, unless erased, its type. */
  public record TypeParam(String name, OptionalInt type) {
    public TypeParam {
      requireNonNull(name, "name");
      requireNonNull(type, "type");
    }
  }
}
