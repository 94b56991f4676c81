package io.aurelius.config.model;

/**
 * The two framings every configuration carries: {@code IMMERSIVE} (first-person, consequential
 * narrative; agents must not learn they are evaluated) and {@code CONTROL} (explicit game framing
 * of the same mechanics).
 */
public enum Framing {
  IMMERSIVE("immersive"),
  CONTROL("control");

  private final String json;

  Framing(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }
}
