/**
 * What a run leaves behind. A transcript is JSON Lines: a header (configuration id and document,
 * seed, framing, model, budget, initial state), one line per step (state hash, each agent's
 * rendered observation, its reply, the parsed action and its validity, tokens, latency, events,
 * draws, clamps, mechanic failures, consequences), and an end line (status, final state, totals);
 * every line is flushed as it is written, so a failed run leaves a partial transcript. An {@link
 * io.aurelius.worldmodel.transcript.Aene} is one agent turn, the unit the judge scores and the
 * corpus keeps. Depends on the state, mechanics and agent packages and node-core's JSON.
 */
package io.aurelius.worldmodel.transcript;
