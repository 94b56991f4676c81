/**
 * {@code aurelius validator}: the validator node command ({@code validator run}), which turns its
 * options into {@code ValidatorSettings} and runs the validator module's service until SIGTERM or
 * its epoch count. Depends on the validator module and the CLI plumbing.
 */
package io.aurelius.node.cli.validator;
