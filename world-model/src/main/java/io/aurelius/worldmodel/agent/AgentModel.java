package io.aurelius.worldmodel.agent;

import java.util.concurrent.CompletableFuture;

/**
 * A language model that plays one agent turn at a time. Agents are stateless: a call sees only the
 * request. Implementations never complete the future exceptionally for a model failure; a model
 * that cannot answer yields a reply whose outcome says why.
 */
public interface AgentModel extends AutoCloseable {
  CompletableFuture<AgentReply> reply(AgentRequest request);

  /** The model as the user named it, e.g. {@code sim} or {@code openai:URL#MODEL}; no secrets. */
  String describe();

  /**
   * True when every reply comes from a stand-in (the sim model, a replay of one), never a real
   * model.
   */
  default boolean simulated() {
    return false;
  }

  @Override
  void close();
}
