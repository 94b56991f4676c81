/**
 * The {@code aurelius keys} commands: create, regenerate, import, list, show, check and export the
 * node's keys, which are Bittensor wallet keys in {@code <home>/wallets} (named {@code
 * WALLET/HOTKEY} and {@code WALLET}, {@link io.aurelius.node.cli.keys.CliWallets}) and legacy
 * Ed25519 keys in {@code <home>/keys} ({@link io.aurelius.core.identity.KeyStore}). They parse
 * options, call node-core's {@code identity} and {@code identity.wallet} and print; the key file
 * formats and all cryptography live in node-core. The root command registers them; every other
 * command group (chain, corpus, miner, validator) loads the keys it signs with through {@link
 * io.aurelius.node.cli.keys.SigningKeys}, with {@link io.aurelius.node.cli.keys.PassphraseOptions}
 * for coldkeys and {@link io.aurelius.node.cli.keys.WalletOptions} for a wallet named with
 * Bittensor's options.
 */
package io.aurelius.node.cli.keys;
