/**
 * Human-in-the-loop calibration: labelled aenes (a person's 0–5 levels per heuristic, with the
 * scores each judge gave), the JSON Lines file they live in, monotone (isotonic) calibration per
 * judge and heuristic, and agreement before and after. Depends on the rubric, port, stats and data
 * packages.
 */
package io.aurelius.judge.calibration;
