/**
 * {@code aurelius sim-llm}: the embedded simulation model served over HTTP as an OpenAI-compatible
 * {@code POST /v1/chat/completions} (structured output through {@code response_format} JSON schema,
 * {@code usage} reported) and {@code GET /v1/models}, plus Ollama's {@code POST /api/chat}, with
 * faults injected on demand (latency distributions, 500s, 429s, malformed output, hangs) so clients
 * can be tested against a real server. Built on the JDK's {@code com.sun.net.httpserver} with a
 * bounded pool; latency is a scheduled completion, not a sleeping thread. Every answer is labelled
 * {@code sim}. Depends on the sim package and node-core's JSON.
 */
package io.aurelius.worldmodel.sim.server;
