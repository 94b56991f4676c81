/**
 * From what a user types to a working {@link io.aurelius.worldmodel.agent.AgentModel}: model specs
 * ({@code sim}, {@code openai:URL#MODEL}, {@code ollama:URL#MODEL}), and the factory that wires the
 * in-process sim model or LangChain4j endpoints, with failover across several specs, behind {@code
 * EndpointAgentModel}. Also the instant model used to measure the orchestrator alone. The one
 * package that knows every adapter; callers depend on it, not on them.
 */
package io.aurelius.worldmodel.agent.models;
