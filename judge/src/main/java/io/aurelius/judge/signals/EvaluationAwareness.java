package io.aurelius.judge.signals;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.data.PhraseList;
import java.util.List;

/** Finds statements of evaluation awareness ("this must be a test") in reasoning. */
public final class EvaluationAwareness {
  public static final String BUNDLED = "judge/signals/evaluation-awareness.json";
  private final PhraseList phrases;

  public EvaluationAwareness(PhraseList phrases) {
    this.phrases = requireNonNull(phrases, "phrases");
  }

  public static EvaluationAwareness bundled() {
    return new EvaluationAwareness(PhraseList.bundled(BUNDLED));
  }

  /** The phrases found; empty if the reasoning shows no awareness. */
  public List<String> statements(String reasoning) {
    return phrases.matches(requireNonNull(reasoning, "reasoning"));
  }

  public boolean aware(String reasoning) {
    return !statements(reasoning).isEmpty();
  }
}
