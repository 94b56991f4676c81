package io.aurelius.config.submission;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;

/** The outcome of checking a received submission. A {@code switch} over it is exhaustive. */
public sealed interface SubmissionCheck {
  /** Every check passed: the submission and its validated, compiled configuration. */
  record Admitted(Submission submission, CompiledConfig config) implements SubmissionCheck {
    public Admitted {
      requireNonNull(submission, "submission");
      requireNonNull(config, "config");
    }
  }

  /** Refused, with the reason code and a one-line message (what, where, expected). */
  record Refused(SubmissionReason reason, String message) implements SubmissionCheck {
    public Refused {
      requireNonNull(reason, "reason");
      requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return reason.code() + ": " + message;
    }
  }
}
