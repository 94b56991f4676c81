package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.model.Signature;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleRegistry;
import java.util.List;

/**
 * Where a validator's adoptions go: its registry first, then whatever follows the registry (the
 * served {@code world-model.git}, the covenant log). Followers are brought up to the registry after
 * every adoption and at start-up, each doing only what it lacks, so a crash between the registry
 * append and a follower leaves nothing a restart does not complete.
 */
public final class WorldModelLedger {
  /** Something that records the registry's adoptions after it, idempotently. */
  @FunctionalInterface
  public interface Follower {
    /**
     * Records the adoptions of {@code registry} it does not hold yet.
     *
     * @throws IllegalStateException (one line) when it holds what the registry does not
     */
    void catchUp(ModuleRegistry registry);
  }

  private final ModuleRegistry registry;
  private final List<Follower> followers;

  public WorldModelLedger(ModuleRegistry registry, List<Follower> followers) {
    this.registry = requireNonNull(registry, "registry");
    this.followers = List.copyOf(followers);
  }

  /** A registry nothing follows. */
  public static WorldModelLedger of(ModuleRegistry registry) {
    return new WorldModelLedger(registry, List.of());
  }

  public ModuleRegistry registry() {
    return registry;
  }

  /** Appends the adoption with the approvers' signatures, then brings every follower up to it. */
  public synchronized Adoption adopt(JsonNode document, List<Signature> signatures) {
    Adoption adoption = registry.adoptSigned(document, signatures);
    catchUp();
    return adoption;
  }

  public synchronized void catchUp() {
    followers.forEach(f -> f.catchUp(registry));
  }
}
