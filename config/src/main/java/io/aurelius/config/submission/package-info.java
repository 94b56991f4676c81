/**
 * The records miners and validators exchange over the signed protocol (route {@code miner/query},
 * docs/protocol.md): a validator's {@link io.aurelius.config.submission.SubmissionQuery}, a miner's
 * {@link io.aurelius.config.submission.Submission} carrying one configuration signed by the miner's
 * hotkey, and the receiving side's strict check, {@link
 * io.aurelius.config.submission.SubmissionVerifier}, which ends in a {@link
 * io.aurelius.config.submission.SubmissionCheck}: admitted, or refused with a {@link
 * io.aurelius.config.submission.SubmissionReason}. They live in the config module so both roles can
 * depend on them without depending on each other; nothing here knows about the transport. Depends
 * on the {@code io.aurelius.config} facade and node-core's json, hash, crypto and identity
 * packages.
 */
package io.aurelius.config.submission;
