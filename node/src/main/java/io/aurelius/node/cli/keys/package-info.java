/**
 * The {@code aurelius keys} commands: create, list, show, check and export the node's hotkeys and
 * coldkeys. They parse options, call {@link io.aurelius.core.identity.KeyStore} and print; the key
 * file formats and all cryptography live in node-core. The root command registers them; every other
 * command group (chain, corpus) loads the keys it signs with through {@link
 * io.aurelius.node.cli.keys.SigningKeys}, with {@link io.aurelius.node.cli.keys.PassphraseOptions}
 * for coldkeys.
 */
package io.aurelius.node.cli.keys;
