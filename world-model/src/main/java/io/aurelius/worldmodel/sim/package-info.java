/**
 * The embedded simulation model ({@code sim}): a deterministic stand-in for a language model so the
 * whole system runs offline and in tests. It reads the JSON schema it is sent and answers within
 * it; for an agent turn it picks a legal action by a persona policy (cooperative, selfish,
 * reciprocal, cautious, erratic) and composes reasoning from the observation, attending in varying
 * degree to itself, to others and to the tension between them. Everything it produces is labelled
 * {@code sim}. Depends on the agent port, its schema and endpoint packages, and node-core's
 * hashing.
 */
package io.aurelius.worldmodel.sim;
