package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

/**
 * Who sees a narration or an observation: only the acting agent, every agent, or those for whom a
 * CEL condition holds ({@code viewer} is bound to the observing agent's name).
 */
public sealed interface Visibility {
  /** Only the acting agent (JSON {@code "self"}). */
  record SelfOnly() implements Visibility {}

  /** Every agent (JSON {@code "all"}). */
  record Everyone() implements Visibility {}

  /** Agents for whom {@code when} is true (JSON {@code {"when": "..."}}). */
  record When(Expression when) implements Visibility {
    public When {
      requireNonNull(when, "when");
    }
  }
}
