/**
 * {@code aurelius devnet}: the command over {@link io.aurelius.node.devnet.Devnet}, which parses
 * the settings, prints progress and the summary, and keeps the devnet up on request.
 */
package io.aurelius.node.cli.devnet;
