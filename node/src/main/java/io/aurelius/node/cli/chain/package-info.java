/**
 * The {@code aurelius chain} commands: run the embedded dev chain (with its block producer and
 * local inbox), show its info and metagraph, and submit registrations, stake and transfers signed
 * with keys from the node's key store. They parse options and call {@code io.aurelius.core.chain};
 * no chain logic lives here. The root command depends on this package, and the commands that reach
 * a chain (validator, miner, corpus verify and export) use its connection options.
 */
package io.aurelius.node.cli.chain;
