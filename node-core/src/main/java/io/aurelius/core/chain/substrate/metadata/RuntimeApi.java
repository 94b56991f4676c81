package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A runtime API (metadata V15 only), called through {@code state_call} as {@code <api>_<method>}
 * with the SCALE-encoded inputs concatenated.
 */
public record RuntimeApi(String name, List<Method> methods, List<String> docs) {
  public RuntimeApi {
    requireNonNull(name, "name");
    methods = List.copyOf(methods);
    docs = List.copyOf(docs);
  }

  public Optional<Method> method(String method) {
    return methods.stream().filter(m -> m.name().equals(method)).findFirst();
  }

  /** A method: its named inputs and its output type. */
  public record Method(String name, List<Param> inputs, int output, List<String> docs) {
    public Method {
      requireNonNull(name, "name");
      inputs = List.copyOf(inputs);
      docs = List.copyOf(docs);
    }
  }

  public record Param(String name, int type) {
    public Param {
      requireNonNull(name, "name");
    }
  }
}
