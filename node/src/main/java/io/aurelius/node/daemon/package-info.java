/**
 * Node-level wiring shared by the long-running commands (chain, miner, validator, devnet): the
 * operator {@link io.aurelius.node.daemon.StatusLogger}, chain facts for the operator routes and
 * metrics ({@link io.aurelius.node.daemon.ChainFacts}), a validator's operator surface ({@link
 * io.aurelius.node.daemon.ValidatorOps}) and a service that closes a resource when a node stops.
 * May depend on every module; the CLI commands depend on it, never the other way.
 */
package io.aurelius.node.daemon;
