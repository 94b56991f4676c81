/**
 * Plain text analysis shared by the embedded and simulated judges, the defences and the novelty
 * signal: words, sentences, content words (stop words are data), shingles, and the grounding and
 * parroting measures of an aene's reasoning against what it observed. Pure functions; depends only
 * on the data package.
 */
package io.aurelius.judge.text;
