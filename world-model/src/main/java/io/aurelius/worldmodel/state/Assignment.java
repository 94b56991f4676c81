package io.aurelius.worldmodel.state;

import static java.util.Objects.requireNonNull;

/** What became of one assignment to a state variable. */
public sealed interface Assignment {
  /** Stored as given. */
  record Stored(String target, Object value) implements Assignment {
    public Stored {
      requireNonNull(target, "target");
      requireNonNull(value, "value");
    }
  }

  /** Outside the variable's bounds: stored clamped. */
  record Clamped(String target, Object asked, Object stored) implements Assignment {
    public Clamped {
      requireNonNull(target, "target");
      requireNonNull(asked, "asked");
      requireNonNull(stored, "stored");
    }
  }

  /** Not storable (a string outside its values, a non-finite number): the variable is unchanged. */
  record Refused(String target, String reason) implements Assignment {
    public Refused {
      requireNonNull(target, "target");
      requireNonNull(reason, "reason");
    }
  }
}
