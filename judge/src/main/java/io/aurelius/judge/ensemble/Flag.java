package io.aurelius.judge.ensemble;

/** Why an aene's verdict deserves a second look. */
public enum Flag {
  /** The judges' DLV scores for it span more than the policy allows. */
  DISAGREEMENT("disagree"),
  /** It contains text addressed to a judge; its DLV was penalised. */
  INSTRUCTION_LIKE("injection"),
  /** A field was cut to the judge's limit. */
  TRUNCATED("truncated"),
  /** No active judge scored it; its DLV is 0. */
  UNJUDGED("unjudged");

  private final String label;

  Flag(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
