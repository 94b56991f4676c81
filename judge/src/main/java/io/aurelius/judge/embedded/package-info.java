/**
 * The embedded judge: scores an aene by the similarity of its reasoning's sentences to anchored
 * exemplar sentences per heuristic (data), scaled by the model-free substance factor, then
 * calibrated by a monotone fit on hand-labelled aenes. It runs in-process on MiniLM and every score
 * it gives is labelled {@code embedded}. Depends on the embedding, text, calibration, rubric and
 * port packages.
 */
package io.aurelius.judge.embedded;
