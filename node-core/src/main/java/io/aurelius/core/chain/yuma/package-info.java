/**
 * Yuma consensus as a pure, deterministic function: {@link io.aurelius.core.chain.yuma.Yuma#epoch}
 * turns one subnet's stake, weights, bonds and activity into consensus, validator trust, incentive,
 * dividends, new bonds and emission, in exact I32F32 fixed-point arithmetic ({@link
 * io.aurelius.core.chain.yuma.Fixed}). Depends on the JDK only; the dev chain and any validator
 * that wants to check the chain's arithmetic depend on it.
 */
package io.aurelius.core.chain.yuma;
