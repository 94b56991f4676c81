/**
 * {@code aurelius doctor}: checks what a node needs before it runs (keys and their file modes,
 * ports, chain reachability, model endpoints, git, disk space) and prints each problem with a line
 * that fixes it. Each check is a small class returning {@link
 * io.aurelius.node.cli.doctor.Finding}s; they depend on node-core and the world model's model
 * specs, never on each other.
 */
package io.aurelius.node.cli.doctor;
