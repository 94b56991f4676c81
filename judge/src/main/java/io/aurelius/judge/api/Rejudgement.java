package io.aurelius.judge.api;

/**
 * This validator's own judgement of a peer's aene: its DLV and whether it approves it for the
 * corpus.
 */
public record Rejudgement(double dlv, boolean approve) {}
