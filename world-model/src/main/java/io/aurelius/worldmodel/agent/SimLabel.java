package io.aurelius.worldmodel.agent;

/**
 * How output of the embedded simulation model is labelled, wherever it travels: its model name, and
 * the {@code system_fingerprint} its HTTP server puts on every answer. A reply bearing either is
 * marked {@code sim} and never passes for real model output.
 */
public final class SimLabel {
  public static final String MODEL = "sim";
  public static final String FINGERPRINT = "aurelius-sim";

  private SimLabel() {}
}
