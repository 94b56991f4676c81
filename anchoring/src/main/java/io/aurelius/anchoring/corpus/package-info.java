/**
 * The corpus: the shape of a corpus entry (an accepted aene with provenance and verdict summary, as
 * canonical JSON), the corpus log built on the git log, and the exports for fine-tuning (JSONL and
 * chat). Depends on the log package and node-core's JSON; the validator appends through {@link
 * io.aurelius.anchoring.corpus.CorpusLog}.
 */
package io.aurelius.anchoring.corpus;
