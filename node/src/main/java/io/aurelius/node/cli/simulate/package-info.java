/**
 * {@code aurelius simulate}: runs configurations (files in either format, or the bundled catalogue)
 * in the world model under one or both framings and several seeds, writes transcripts and aenes,
 * shows progress on a terminal and a summary; and replays a transcript to check it reproduces.
 * Thin: the work is the world model's; this package turns flags into its records and its results
 * into lines. Depends on the world-model and config modules.
 */
package io.aurelius.node.cli.simulate;
