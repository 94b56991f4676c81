package io.aurelius.core.chain.substrate.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decoded runtime metadata (V14 or V15) with lookups by name. Runtime APIs are empty for V14, which
 * does not carry them.
 */
public record RuntimeMetadata(
    int version,
    TypeRegistry types,
    List<Pallet> pallets,
    ExtrinsicInfo extrinsic,
    int runtimeType,
    List<RuntimeApi> apis) {
  public RuntimeMetadata {
    if (version != 14 && version != 15) {
      throw new IllegalArgumentException("version: " + version + " (expected: 14 or 15)");
    }
    requireNonNull(types, "types");
    pallets = List.copyOf(pallets);
    requireNonNull(extrinsic, "extrinsic");
    apis = List.copyOf(apis);
  }

  public Optional<Pallet> pallet(String name) {
    return pallets.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  public Optional<StorageEntry> storageEntry(String pallet, String entry) {
    return pallet(pallet).flatMap(p -> p.storageEntry(entry));
  }

  public Optional<Constant> constant(String pallet, String constant) {
    return pallet(pallet).flatMap(p -> p.constant(constant));
  }

  /** The pallet's calls, events or errors: the variants of its call, event or error enum. */
  public List<Variant> calls(String pallet) {
    return pallet(pallet).map(p -> variants(p.callType())).orElse(List.of());
  }

  public List<Variant> events(String pallet) {
    return pallet(pallet).map(p -> variants(p.eventType())).orElse(List.of());
  }

  public List<Variant> errors(String pallet) {
    return pallet(pallet).map(p -> variants(p.errorType())).orElse(List.of());
  }

  /** The pallet and variant index of a call, e.g. {@code ("SubtensorModule", "set_weights")}. */
  public Optional<CallIndex> callIndex(String pallet, String call) {
    return pallet(pallet)
        .flatMap(
            p ->
                calls(pallet).stream()
                    .filter(v -> v.name().equals(call))
                    .findFirst()
                    .map(v -> new CallIndex(p.index(), v.index())));
  }

  /** A pallet's error by its index within the pallet (as a dispatch error's {@code Module}). */
  public Optional<Variant> error(int palletIndex, int errorIndex) {
    return pallets.stream()
        .filter(p -> p.index() == palletIndex)
        .findFirst()
        .flatMap(p -> errors(p.name()).stream().filter(v -> v.index() == errorIndex).findFirst());
  }

  public Optional<RuntimeApi.Method> runtimeApiMethod(String api, String method) {
    return apis.stream()
        .filter(a -> a.name().equals(api))
        .findFirst()
        .flatMap(a -> a.method(method));
  }

  private List<Variant> variants(OptionalInt type) {
    if (type.isEmpty()) {
      return List.of();
    }
    TypeDef def = types.get(type.getAsInt()).def();
    return def instanceof TypeDef.VariantDef v ? v.variants() : List.of();
  }
}
