/**
 * Turning unreliable model endpoints into one dependable {@link
 * io.aurelius.worldmodel.agent.AgentModel}: the {@link
 * io.aurelius.worldmodel.agent.endpoint.ChatEndpoint} service-provider interface that adapters
 * implement (one blocking chat call, failures classified), and {@link
 * io.aurelius.worldmodel.agent.endpoint.EndpointAgentModel}, which bounds concurrency per endpoint,
 * retries with backoff on rate limits, server errors and timeouts, fails over across a list of
 * endpoints (Orbis Ethica §6.1), gives malformed output one repair attempt, and counts tokens when
 * a server does not. Depends on the agent port, the schema and tokens packages; no HTTP or
 * LangChain4j here.
 */
package io.aurelius.worldmodel.agent.endpoint;
