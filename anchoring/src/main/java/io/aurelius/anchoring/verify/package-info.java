/**
 * Whole-log verification, as {@code aurelius corpus verify} runs it: checkpoint signatures against
 * trusted keys, hash tiles against signed roots, every entry's content and inclusion, consistency
 * between consecutive checkpoints, cosignature quorums, timestamps, burns, and the signed, linear,
 * append-only git history; and, against the checkpoints a verifier saw before ({@code
 * SeenCheckpoints}, one owner-only file per origin), rollbacks, forks and re-keyed logs. Stops at
 * the first failure and names the entry, checkpoint or commit. Depends on every other anchoring
 * package.
 */
package io.aurelius.anchoring.verify;
