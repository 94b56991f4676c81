/**
 * {@code aurelius corpus ...}: create, append to, stamp, cosign, burn in, verify and export a
 * corpus or covenant log. Options become anchoring records here; all log logic lives in the
 * anchoring module, and the hotkeys the writing commands sign with come from the node's key store
 * through {@link io.aurelius.node.cli.keys.SigningKeys}.
 */
package io.aurelius.node.cli.corpus;
