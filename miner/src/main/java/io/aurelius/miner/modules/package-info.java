/**
 * The miner's own world-model modules: module documents in {@code <home>/miner/modules}, checked as
 * {@code aurelius module validate} checks them, signed by the miner (their author) and served to
 * validators on {@code miner/module}. Configurations in the miner's library may import them.
 */
package io.aurelius.miner.modules;
