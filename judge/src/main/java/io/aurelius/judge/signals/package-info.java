/**
 * The secondary signals, as pure functions of their inputs: novelty (1 − the highest cosine
 * similarity to the corpus and to earlier submissions of the epoch, with MinHash near-duplicate
 * detection and the fork-must-differ rule), token efficiency (DLV per 1,000 tokens, world-model and
 * agent tokens both counted) and immersion effectiveness (behaviour and DLV difference between
 * framings, lowered by evaluation-awareness statements). Depends on the embedding, text, stats and
 * data packages.
 */
package io.aurelius.judge.signals;
