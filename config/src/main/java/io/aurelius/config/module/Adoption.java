package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Signature;
import java.util.List;

/**
 * One line of the world-model registry: the module adopted, the version before and after, and the
 * signatures of those who adopted it over the new version's id (which commits to every adoption
 * before it, in order).
 */
public record Adoption(
    WorldModelVersion previous,
    WorldModelVersion version,
    Module module,
    List<Signature> signatures) {
  public Adoption {
    requireNonNull(previous, "previous");
    requireNonNull(version, "version");
    requireNonNull(module, "module");
    signatures = List.copyOf(signatures);
  }
}
