/**
 * The {@code aurelius keys} commands: create, list, show, check and export the node's hotkeys
 * and coldkeys. They parse options, call {@link io.aurelius.core.identity.KeyStore} and print;
 * the key file formats and all cryptography live in node-core. Nothing depends on this
 * package except the root command that registers it.
 */
package io.aurelius.node.cli.keys;
