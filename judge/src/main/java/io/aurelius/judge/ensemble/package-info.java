/**
 * The judge ensemble: runs every judge on a batch of aenes with canaries mixed in, drops a judge
 * that scores a canary high, aggregates per heuristic by reputation-weighted median, flags
 * disagreement and instruction-like content, reports Krippendorff's alpha, and updates judge
 * reputation (r ← r + λ(agreement − r), decaying toward the prior when a judge sits a batch out).
 * Depends on the port, rubric, defence, calibration and stats packages.
 */
package io.aurelius.judge.ensemble;
