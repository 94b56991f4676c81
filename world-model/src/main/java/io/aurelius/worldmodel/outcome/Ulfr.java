package io.aurelius.worldmodel.outcome;

/**
 * The ULFR lens over one run or over a configuration's runs (its seeds): U and L in 0..1 (½ = no
 * change), F the fairness penalty, Risk = P(failure)·Magnitude + ρ·Irreversibility, and Score, with
 * the version of the weights that made it.
 */
public record Ulfr(
    double u,
    double l,
    double f,
    double risk,
    double score,
    String weights,
    int runs,
    double pFailure,
    double magnitude,
    double irreversibility) {}
