/**
 * What a miner accepts into its library and serves: a configuration that validates, fits the
 * miner's size limit, and (in strict mode) has no opacity-lint findings. The CLI's {@code miner
 * add} and {@code miner fork} and the miner service apply the same {@link
 * io.aurelius.miner.intake.Intake}, so nothing is served that could not be added. Depends on the
 * config module only.
 */
package io.aurelius.miner.intake;
