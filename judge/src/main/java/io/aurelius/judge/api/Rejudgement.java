package io.aurelius.judge.api;

/**
 * This validator's own judgement of a peer's aene: its DLV, whether it approves it for the corpus
 * and its {@link AcceptanceForecast probability of acceptance}.
 */
public record Rejudgement(double dlv, boolean approve, double acceptance) {}
