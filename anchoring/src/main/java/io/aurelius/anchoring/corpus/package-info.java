/**
 * The corpus: the shape of a corpus entry (an accepted aene with provenance and verdict summary, as
 * canonical JSON), the corpus log built on the git log, the exports for fine-tuning (JSONL and
 * chat) whose every record carries its inclusion proof and signed checkpoint, the verification of
 * one such record alone, the dataset card written beside an export, and catching a lagging replica
 * of the corpus up from a peer's, checked against the peer's signed checkpoint. Depends on the log,
 * merkle and note packages and node-core's JSON; the validator appends through {@link
 * io.aurelius.anchoring.corpus.CorpusLog}.
 */
package io.aurelius.anchoring.corpus;
