package io.aurelius.worldmodel.agent.endpoint;

/**
 * One model endpoint, as an adapter sees it: a blocking chat call that either completes or fails
 * with a classified {@link EndpointFailure}. Implementations are thread-safe and honour their own
 * timeout; concurrency limits, retries and failover are the caller's.
 */
public interface ChatEndpoint extends AutoCloseable {
  /**
   * The endpoint for logs and transcripts, e.g. {@code openai:http://host:8000/v1#llama}; no
   * secrets.
   */
  String name();

  /** The model this endpoint was asked to serve. */
  String model();

  /**
   * True when this endpoint is known to be the embedded simulation model (in-process or served).
   */
  default boolean sim() {
    return false;
  }

  Completion complete(ChatCall call) throws EndpointFailure;

  @Override
  default void close() {}
}
