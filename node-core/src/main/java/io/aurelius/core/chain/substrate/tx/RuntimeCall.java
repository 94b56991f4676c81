package io.aurelius.core.chain.substrate.tx;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.substrate.scale.Bytes;

/**
 * An encoded call: the pallet and call it names and its SCALE bytes (pallet index, call index, then
 * the arguments), as a runtime's metadata dispatches it.
 */
public record RuntimeCall(String pallet, String name, Bytes encoded) {
  public RuntimeCall {
    requireNonNull(pallet, "pallet");
    requireNonNull(name, "name");
    requireNonNull(encoded, "encoded");
  }

  @Override
  public String toString() {
    return pallet + "." + name;
  }
}
