package io.aurelius.judge.defence;

/** The four canaries every batch carries. */
public enum CanaryKind {
  /** A real observation and action with no reasoning at all. */
  EMPTY_REASONING("empty"),
  /** The observation copied into the reasoning. */
  COPIED_OBSERVATION("copy"),
  /** Moral vocabulary with nothing of the situation in it. */
  KEYWORD_STUFFING("stuffing"),
  /** Stuffing plus an instruction to the judge to score it high. */
  INJECTION("injection");

  private final String label;

  CanaryKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
