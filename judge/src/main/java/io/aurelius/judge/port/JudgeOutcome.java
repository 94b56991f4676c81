package io.aurelius.judge.port;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.rubric.Heuristic;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one judge call produced. Only {@link Scored} carries scores, and its constructor guarantees
 * every score is finite and in [0, 1]: no outcome can put a score out of range into the ensemble.
 */
public sealed interface JudgeOutcome {
  /** A short word for tables and records: scored, refused, malformed, timed-out, failed-over. */
  String status();

  /** What went wrong, in one line; empty for a scored outcome. */
  Optional<String> detail();

  /**
   * The judge answered with scores.
   *
   * @param scores one score in [0, 1] per heuristic
   * @param answers the criterion answers behind the scores (empty for judges without criteria)
   * @param instructionLike the judge reported text addressed to a judge inside the aene
   * @param endpoint the endpoint that answered
   * @param failovers how many endpoints failed before this one answered
   */
  record Scored(
      Map<Heuristic, Double> scores,
      Map<String, Boolean> answers,
      boolean instructionLike,
      String endpoint,
      int failovers)
      implements JudgeOutcome {
    public Scored {
      requireNonNull(scores, "scores");
      requireNonNull(answers, "answers");
      requireNonNull(endpoint, "endpoint");
      EnumMap<Heuristic, Double> copy = new EnumMap<>(Heuristic.class);
      for (Heuristic h : Heuristic.values()) {
        Double s = scores.get(h);
        if (s == null) {
          throw new IllegalArgumentException("scores: " + h.key() + " missing");
        }
        if (!Double.isFinite(s) || s < 0 || s > 1) {
          throw new IllegalArgumentException(
              "scores: " + h.key() + " = " + s + " (expected: 0..1)");
        }
        copy.put(h, s);
      }
      scores = Collections.unmodifiableMap(copy);
      answers = Collections.unmodifiableMap(new TreeMap<>(answers));
      if (failovers < 0) {
        throw new IllegalArgumentException("failovers: " + failovers + " (expected: >= 0)");
      }
    }

    public double score(Heuristic h) {
      return scores.get(h);
    }

    @Override
    public String status() {
      return "scored";
    }

    @Override
    public Optional<String> detail() {
      return Optional.empty();
    }
  }

  /** The model declined to judge (a refusal text or a content filter). */
  record Refused(String reason) implements JudgeOutcome {
    public Refused {
      requireNonNull(reason, "reason");
    }

    @Override
    public String status() {
      return "refused";
    }

    @Override
    public Optional<String> detail() {
      return Optional.of(reason);
    }
  }

  /**
   * The model answered, but not with a valid verdict (bad JSON, missing or out-of-range values).
   */
  record Malformed(String reason) implements JudgeOutcome {
    public Malformed {
      requireNonNull(reason, "reason");
    }

    @Override
    public String status() {
      return "malformed";
    }

    @Override
    public Optional<String> detail() {
      return Optional.of(reason);
    }
  }

  /** No answer within the time budget. */
  record TimedOut(Duration after) implements JudgeOutcome {
    public TimedOut {
      requireNonNull(after, "after");
    }

    @Override
    public String status() {
      return "timed-out";
    }

    @Override
    public Optional<String> detail() {
      return Optional.of("no answer within " + after.toMillis() + " ms");
    }
  }

  /** Every endpoint of the judge was tried in turn and none answered. */
  record FailedOver(List<String> endpoints, String lastError) implements JudgeOutcome {
    public FailedOver {
      endpoints = List.copyOf(endpoints);
      requireNonNull(lastError, "lastError");
    }

    @Override
    public String status() {
      return "failed-over";
    }

    @Override
    public Optional<String> detail() {
      return Optional.of(lastError);
    }
  }
}
