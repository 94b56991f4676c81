package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a compiled configuration took from the world model: the version it was resolved under, the
 * modules it imported (packs in merge order, then the policy and framing pack), and the memory
 * policy and framing pack a run applies.
 */
public record ModuleUse(
    WorldModelVersion version,
    List<Module> used,
    Optional<MemoryPolicy> memory,
    Optional<FramingPack> framing) {
  public static final ModuleUse BASE = of(WorldModelVersion.BASE);

  public ModuleUse {
    requireNonNull(version, "version");
    used = List.copyOf(used);
    requireNonNull(memory, "memory");
    requireNonNull(framing, "framing");
  }

  /** No module, under {@code version}. */
  public static ModuleUse of(WorldModelVersion version) {
    return new ModuleUse(version, List.of(), Optional.empty(), Optional.empty());
  }
}
