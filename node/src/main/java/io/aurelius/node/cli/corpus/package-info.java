/**
 * {@code aurelius corpus ...}: create, append to, stamp, cosign, burn in, verify and export a
 * corpus or covenant log. Options become anchoring records here; all log logic lives in the
 * anchoring module.
 */
package io.aurelius.node.cli.corpus;
