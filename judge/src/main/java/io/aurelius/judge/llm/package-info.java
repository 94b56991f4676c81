/**
 * LLM judges over the world model's endpoint layer: any {@link
 * io.aurelius.worldmodel.agent.endpoint.ChatEndpoint} (OpenAI-compatible, Ollama, the sim-llm
 * server, or the judge module's own sim endpoint), with the same {@link
 * io.aurelius.worldmodel.agent.endpoint.EndpointPolicy} as agents: bounded concurrency per
 * endpoint, retries with backoff for retriable failures, failover in order, a cool-down for an
 * endpoint that has failed. Every failure becomes a {@link io.aurelius.judge.port.JudgeOutcome}.
 * Depends on the port, prompt and rubric packages and on the world model's agent endpoint package.
 */
package io.aurelius.judge.llm;
