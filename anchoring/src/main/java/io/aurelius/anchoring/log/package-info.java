/**
 * An append-only Merkle log kept in a bare git repository written with JGit: entries in JSONL
 * bundles, tlog-tiles hash tiles (so any proof is served from a few tiles), every signed
 * checkpoint, timestamps and burn records, one SSH-signed commit per batch, the ref update
 * (compare-and-set) as the only commit point. Used by the corpus and covenant logs and by
 * verification; depends on merkle, note, gitsign, node-core and JGit.
 */
package io.aurelius.anchoring.log;
