package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogConflictException;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.core.crypto.Ed25519KeyPair;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A validator's covenant log as a follower of its world-model registry: each adoption the covenant
 * does not anchor yet is appended as a {@link WorldModelAmendments} amendment, signed with the
 * log's key. A covenant whose log key the validator does not hold is only checked: the registry
 * must hold the covenant's version.
 */
public final class CovenantAdoptions implements WorldModelLedger.Follower {
  private final Path log;
  private final Optional<Ed25519KeyPair> key;
  private final Clock clock;

  private CovenantAdoptions(Path log, Optional<Ed25519KeyPair> key, Clock clock) {
    this.log = log;
    this.key = key;
    this.clock = clock;
  }

  /**
   * The covenant at {@code log}, written with {@code key} when that is its log key, else read only.
   *
   * @throws IllegalStateException (one line, naming the log) when it is not a covenant log
   */
  public static CovenantAdoptions open(Path log, Ed25519KeyPair key, Clock clock) {
    requireNonNull(log, "log");
    requireNonNull(key, "key");
    requireNonNull(clock, "clock");
    check(log);
    try (CovenantLog writable = CovenantLog.open(log, key, clock)) {
      return new CovenantAdoptions(log, Optional.of(key), clock);
    } catch (LogConflictException e) {
      return new CovenantAdoptions(log, Optional.empty(), clock); // another's log key
    } catch (LogException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Whether adoptions are appended (the validator holds the log key) or only checked. */
  public boolean writable() {
    return key.isPresent();
  }

  public Path log() {
    return log;
  }

  @Override
  public void catchUp(ModuleRegistry registry) {
    try {
      if (key.isEmpty()) {
        try (GitLog opened = GitLog.open(log)) {
          WorldModelAmendments.unanchored(CovenantLog.replay(opened.head()), registry.adoptions());
        }
        return;
      }
      try (CovenantLog covenant = CovenantLog.open(log, key.get(), clock)) {
        List<Adoption> missing =
            WorldModelAmendments.unanchored(covenant.current(), registry.adoptions());
        for (Adoption a : missing) {
          WorldModelAmendments.anchor(covenant, a);
        }
      }
    } catch (LogException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InvalidCovenantException | IllegalArgumentException e) {
      throw new IllegalStateException(log + ": " + e.getMessage(), e);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(log + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks, without writing, that {@code registry} holds the version the covenant at {@code log}
   * names (it may be ahead: the adoptions after it are anchored when the validator starts).
   *
   * @throws IllegalStateException (one line, naming the log) otherwise
   */
  public static void check(Path log, ModuleRegistry registry) {
    try (GitLog opened = GitLog.open(log)) {
      WorldModelAmendments.unanchored(CovenantLog.replay(opened.head()), registry.adoptions());
    } catch (LogException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InvalidCovenantException | IllegalArgumentException | IllegalStateException e) {
      throw new IllegalStateException(log + ": " + e.getMessage(), e);
    }
  }

  private static void check(Path log) {
    try (GitLog opened = GitLog.open(log)) {
      CovenantLog.replay(opened.head());
    } catch (LogException e) {
      throw new IllegalStateException(e.getMessage(), e);
    } catch (InvalidCovenantException | IllegalArgumentException e) {
      throw new IllegalStateException(log + ": " + e.getMessage(), e);
    }
  }
}
