package io.aurelius.node.cli.doctor;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** One result of a doctor check: what was checked, how it went, and how to fix it if not. */
record Finding(String check, Outcome outcome, String detail, Optional<String> fix) {
  enum Outcome {
    OK("ok"),
    WARN("warn"),
    FAIL("FAIL");

    final String label;

    Outcome(String label) {
      this.label = label;
    }
  }

  Finding {
    requireNonNull(check, "check");
    requireNonNull(outcome, "outcome");
    requireNonNull(detail, "detail");
    requireNonNull(fix, "fix");
    if (outcome != Outcome.OK && fix.isEmpty()) {
      throw new IllegalArgumentException(check + ": a problem needs a fix line");
    }
  }

  static Finding ok(String check, String detail) {
    return new Finding(check, Outcome.OK, detail, Optional.empty());
  }

  static Finding warn(String check, String detail, String fix) {
    return new Finding(check, Outcome.WARN, detail, Optional.of(fix));
  }

  static Finding fail(String check, String detail, String fix) {
    return new Finding(check, Outcome.FAIL, detail, Optional.of(fix));
  }
}
