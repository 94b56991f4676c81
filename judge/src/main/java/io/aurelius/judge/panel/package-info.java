/**
 * The judge panel a validator runs, built from what the operator names: {@code embedded}, {@code
 * sim}, or LLM endpoints ({@code openai:URL#MODEL}, {@code ollama:URL#MODEL}, several separated by
 * {@code |} for failover), each LLM optionally under Orbis Ethica personas. The one place that
 * knows every kind of judge; depends on the llm, sim, embedded and prompt packages and the world
 * model's model specs and adapters.
 */
package io.aurelius.judge.panel;
