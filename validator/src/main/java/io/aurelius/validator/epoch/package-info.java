/**
 * The validator's epoch pipeline (docs/architecture.md §2): sync the metagraph, query miners, admit
 * with reason codes ({@link io.aurelius.validator.epoch.Outcome}), simulate both framings over
 * deterministic seeds, score with the judge module, exchange verdicts and decide by quorum, anchor
 * the accepted aenes, publish configurations, and set weights by commit and reveal. Every step is
 * stored before the next begins and is idempotent, so an epoch resumes after a crash, and one the
 * chain has left behind is finished late (or, cut short before consensus, abandoned). Its result is
 * an {@link io.aurelius.validator.epoch.EpochReport}. Used by the service package; depends on
 * consensus, publish and store, and on the world-model, judge, anchoring, config and node-core
 * modules.
 */
package io.aurelius.validator.epoch;
