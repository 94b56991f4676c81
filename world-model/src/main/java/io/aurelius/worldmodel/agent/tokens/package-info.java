/**
 * Token counting with a real BPE tokenizer (jtokkit: cl100k_base and o200k_base), used when a model
 * server does not report usage and by the embedded simulation model to report its own. jtokkit is
 * confined to this package. Depends on the agent port only.
 */
package io.aurelius.worldmodel.agent.tokens;
