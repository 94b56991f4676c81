/**
 * {@code aurelius corpus ...}: create, append to, stamp, cosign, burn in, verify and export a
 * corpus or covenant log. Options become anchoring records here; all log logic lives in the
 * anchoring module, and the hotkeys the writing commands sign with come from the node's key store
 * through {@link io.aurelius.node.cli.keys.SigningKeys}. {@code verify} and {@code export} can take
 * their witnesses from a chain ({@link io.aurelius.node.cli.chain.ChainConnectOptions}): the
 * metagraph's validators, and the cosignature keys their hotkeys vouch for over HTTP.
 */
package io.aurelius.node.cli.corpus;
