/**
 * The DLV rubric as versioned data: the five heuristics, their weighted yes/no criteria (MoReBench
 * style) and the heuristic weights that make one aene's DLV score. The rubric is read from a
 * bundled JSON resource ({@code judge/rubric/dlv-v1.json}) and validated on load; this package
 * holds no judging logic beyond the scoring formula. Everything else in the judge module may depend
 * on it; it depends only on node-core's JSON reader.
 */
package io.aurelius.judge.rubric;
