/**
 * What a validator publishes: its corpus log (the anchoring module's {@code CorpusLog}: one signed
 * batch per epoch, checkpoints and peers' cosignatures), its configurations repository ({@code
 * configs.git}, the accepted configurations, one file each, forkable with {@code aurelius miner
 * fork}), its world model as git ({@code world-model.git}, the registry one commit per adoption),
 * the read-only git mount that serves them under {@code /git/}, and the background OpenTimestamps
 * stamping of the corpus checkpoints ({@code CheckpointStamping}, through the anchoring module's
 * {@code stamping} package). JGit is used only here. Used by the epoch pipeline and the service.
 */
package io.aurelius.validator.publish;
