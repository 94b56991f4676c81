package io.aurelius.worldmodel.outcome;

import static java.util.Objects.requireNonNull;

/**
 * The weights of Score = α·U + β·L − γ·F − δ·Risk, with F = ω_R·F_Rawls + ω_E·Gini and Risk =
 * P(failure)·Magnitude + ρ·Irreversibility. Every score names the version that made it; a new
 * version is adopted by the validators' stake-weighted vote.
 */
public record UlfrWeights(
    String version,
    double alpha,
    double beta,
    double gamma,
    double delta,
    double omegaRawls,
    double omegaGini,
    double rho) {
  /** Orbis Ethica's defaults (α .25, β .40, γ .20, δ .15), ω_R = ω_E = ½, ρ = ½. */
  public static final UlfrWeights V1 =
      new UlfrWeights("ulfr-v1", 0.25, 0.40, 0.20, 0.15, 0.5, 0.5, 0.5);

  public UlfrWeights {
    requireNonNull(version, "version");
    if (!version.matches("[a-z0-9][a-z0-9.-]{0,39}")) {
      throw new IllegalArgumentException(
          "ulfr weights version: '" + version + "' (expected: [a-z0-9][a-z0-9.-]{0,39})");
    }
    for (double w : new double[] {alpha, beta, gamma, delta, omegaRawls, omegaGini, rho}) {
      if (!(w >= 0 && w <= 1)) {
        throw new IllegalArgumentException(
            "ulfr weights " + version + ": " + w + " (expected: every weight in 0..1)");
      }
    }
  }

  /**
   * The weights in force under a covenant's parameters: its {@code ulfr} member ({@code version,
   * alpha, beta, gamma, delta, omegaRawls, omegaGini, rho}, all required), or {@link #V1} when it
   * has none. A recalibration is a covenant amendment that replaces this member.
   *
   * @throws IllegalArgumentException one line naming the member and what was expected
   */
  public static UlfrWeights fromCovenant(com.fasterxml.jackson.databind.JsonNode parameters) {
    com.fasterxml.jackson.databind.JsonNode u = parameters.path("ulfr");
    if (u.isMissingNode()) {
      return V1;
    }
    String[] names = {"alpha", "beta", "gamma", "delta", "omegaRawls", "omegaGini", "rho"};
    double[] w = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      if (!u.path(names[i]).isNumber()) {
        throw new IllegalArgumentException(
            "covenant parameters.ulfr."
                + names[i]
                + ": "
                + u.path(names[i])
                + " (expected: a number in 0..1)");
      }
      w[i] = u.path(names[i]).asDouble();
    }
    if (!u.path("version").isTextual()) {
      throw new IllegalArgumentException(
          "covenant parameters.ulfr.version: " + u.path("version") + " (expected: a version name)");
    }
    return new UlfrWeights(u.path("version").asText(), w[0], w[1], w[2], w[3], w[4], w[5], w[6]);
  }

  /** These weights as the covenant's {@code ulfr} parameter. */
  public com.fasterxml.jackson.databind.node.ObjectNode toCovenant() {
    return io.aurelius.core.json.Json.newObject()
        .put("version", version)
        .put("alpha", alpha)
        .put("beta", beta)
        .put("gamma", gamma)
        .put("delta", delta)
        .put("omegaRawls", omegaRawls)
        .put("omegaGini", omegaGini)
        .put("rho", rho);
  }

  public double score(double u, double l, double f, double risk) {
    return alpha * u + beta * l - gamma * f - delta * risk;
  }

  public double fairnessPenalty(double rawls, double gini) {
    return omegaRawls * rawls + omegaGini * gini;
  }

  public double risk(double pFailure, double magnitude, double irreversibility) {
    return Math.min(1, pFailure * magnitude + rho * irreversibility);
  }
}
