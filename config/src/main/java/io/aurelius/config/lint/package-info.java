/**
 * The opacity lint (whitepaper §3.4: agents must not know they are evaluated): finds words and
 * phrases that reveal a test in every text an agent sees in the immersive framing, from a versioned
 * list shipped as data ({@code opacity-terms.json}). Control-framing text is exempt. Depends on the
 * model; used by the CLI and by admission in the validator.
 */
package io.aurelius.config.lint;
