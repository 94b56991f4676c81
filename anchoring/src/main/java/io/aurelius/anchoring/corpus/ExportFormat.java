package io.aurelius.anchoring.corpus;

/** Corpus export formats: the entries as logged, or chat turns for fine-tuning. */
public enum ExportFormat {
  /** {@code {"index","id","entry","proof"}} per line. */
  JSONL,
  /** {@code {"messages":[user, assistant],"provenance","verdict","entry","proof"}} per line. */
  CHAT
}
