/**
 * The agent port: what the world model asks of a language model and what it gets back. A request is
 * a system and a user message, the JSON schema of the legal reply and a seed; a reply carries the
 * raw text, the parsed decision (or why there is none), tokens, latency, the model's name and
 * whether it came from the embedded simulation model. Nothing here knows about HTTP, Netty or
 * LangChain4j; adapters live in sub-packages. Depends on {@code io.aurelius.worldmodel.value} and
 * the schema sub-package only.
 */
package io.aurelius.worldmodel.agent;
