/**
 * Whole-log verification, as {@code aurelius corpus verify} runs it: checkpoint signatures against
 * trusted keys, hash tiles against signed roots, every entry's content and inclusion, consistency
 * between consecutive checkpoints, cosignature quorums, timestamps, burns, and the signed, linear,
 * append-only git history. Stops at the first failure and names the entry, checkpoint or commit.
 * Depends on every other anchoring package.
 */
package io.aurelius.anchoring.verify;
