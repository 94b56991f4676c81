/**
 * The {@code aurelius keys} commands: create, list, show, check and export the node's hotkeys
 * and coldkeys. They parse options, call {@link io.aurelius.core.identity.KeyStore} and print;
 * the key file formats and all cryptography live in node-core. The root command registers
 * them; the chain commands reuse {@link io.aurelius.node.cli.keys.CliKeys} and
 * {@link io.aurelius.node.cli.keys.PassphraseOptions} to load the keys they sign with.
 */
package io.aurelius.node.cli.keys;
