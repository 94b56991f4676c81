/**
 * Sentence embeddings for the embedded judge and the novelty signal: the {@link
 * io.aurelius.judge.embedding.TextEmbedder} port, unit-vector arithmetic, and the one adapter that
 * imports LangChain4j's in-process all-MiniLM-L6-v2 model (bundled in its jar, CPU-only, no
 * network). Depends on nothing else of the judge module.
 */
package io.aurelius.judge.embedding;
