package io.aurelius.worldmodel.mechanics;

import static java.util.Objects.requireNonNull;

/**
 * A mechanic that did not run: {@code where} is the expression's path in the configuration (or the
 * thing skipped), {@code reason} one line saying why.
 */
public record MechanicFailure(String where, String reason) {
  public MechanicFailure {
    requireNonNull(where, "where");
    requireNonNull(reason, "reason");
  }
}
