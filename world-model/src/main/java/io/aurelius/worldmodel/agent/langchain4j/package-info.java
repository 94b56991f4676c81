/**
 * The LangChain4j adapters, and the only place LangChain4j is imported: a {@link
 * io.aurelius.worldmodel.agent.endpoint.ChatEndpoint} over any LangChain4j {@code ChatModel}, built
 * for an OpenAI-compatible server (base URL, model, key; structured output through {@code
 * response_format} JSON schema) or for Ollama, with LangChain4j's exceptions mapped to classified
 * endpoint failures. LangChain4j's own retries are switched off; retrying and failover belong to
 * {@code EndpointAgentModel}.
 */
package io.aurelius.worldmodel.agent.langchain4j;
