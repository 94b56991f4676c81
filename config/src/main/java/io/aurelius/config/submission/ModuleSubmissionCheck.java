package io.aurelius.config.submission;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.module.Module;

/** The outcome of checking a received module submission. A {@code switch} over it is exhaustive. */
public sealed interface ModuleSubmissionCheck {
  /** Every check passed: the submission and its admitted module (against the given world model). */
  record Admitted(ModuleSubmission submission, Module module) implements ModuleSubmissionCheck {
    public Admitted {
      requireNonNull(submission, "submission");
      requireNonNull(module, "module");
    }
  }

  /** Refused, with the reason code and a one-line message (what, where, expected). */
  record Refused(SubmissionReason reason, String message) implements ModuleSubmissionCheck {
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
