package io.aurelius.judge.port;

/**
 * What kind of judge produced a score. Embedded and simulated judges exist so the system runs
 * offline; their label travels with every score they give (docs/architecture.md §4, honest labels).
 */
public enum JudgeKind {
  /** A language model behind an OpenAI-compatible or Ollama endpoint. */
  LLM("llm"),
  /** The in-process MiniLM embedding judge: similarity to anchored exemplars, calibrated. */
  EMBEDDED("embedded"),
  /** The deterministic offline simulation model answering judge calls. */
  SIM("sim");

  private final String label;

  JudgeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** True for judges that are not a real language model (embedded or simulated). */
  public boolean offlineStandIn() {
    return this != LLM;
  }
}
