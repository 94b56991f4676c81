package io.aurelius.config.model;

import java.util.Optional;

/**
 * How a contested draw is shared when total demand exceeds what is available. All three are
 * deterministic given the run's seed; see {@code docs/config-format.md} for the exact rules.
 */
public enum Resolution {
  /** Floor of each demand's proportional share; leftover units go one each in a seeded order. */
  PROPORTIONAL("proportional"),
  /** Demands served in full, one agent after another, in a seeded random order. */
  PRIORITY_RANDOM("priority_random"),
  /** Equal shares capped at each demand (water-filling); integer leftovers in a seeded order. */
  EQUAL_SPLIT("equal_split");

  private final String json;

  Resolution(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  public static Optional<Resolution> fromJson(String spelling) {
    for (Resolution r : values()) {
      if (r.json.equals(spelling)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
