/**
 * {@code aurelius sim-llm}: serves the embedded simulation model as an OpenAI-compatible (and
 * Ollama-compatible) HTTP endpoint, with injectable faults, for offline runs and client tests.
 * Flags become a {@code FaultPlan}; the server is the world model's. Depends on the world-model
 * module.
 */
package io.aurelius.node.cli.simllm;
