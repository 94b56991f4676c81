package io.aurelius.core.chain.substrate.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Substrate node's JSON-RPC interface.
 *
 * <p>{@link #call} returns the {@code result} of a response (JSON {@code null} when the node
 * answered {@code null}, e.g. an absent storage value). It throws {@link RpcErrorResponse} when the
 * node answered with a JSON-RPC error object, and {@link RpcException} when no answer arrived in
 * time or the connection was lost. Reads that are safe to repeat ({@link
 * SafeMethods#isSafeToRetry}) are sent again once after a reconnect; anything else (submitting an
 * extrinsic) fails with the connection.
 */
public interface SubstrateRpc extends AutoCloseable {
  /** Where this client talks to, for messages. */
  String endpoint();

  JsonNode call(String method, List<?> params, Duration timeout);

  /**
   * Sends {@code subscribeMethod}; every notification for the subscription id it answers goes to
   * {@code onNotification} (the {@code params.result} of the notification), in order, on one thread
   * of the client, until {@link Subscription#close()} or the connection ends, when {@code onEnd} is
   * told why. A subscription is not renewed after a reconnect: renewing {@code
   * author_submitAndWatchExtrinsic} would submit again.
   */
  Subscription subscribe(
      String subscribeMethod,
      List<?> params,
      String unsubscribeMethod,
      Consumer<JsonNode> onNotification,
      Consumer<RpcException> onEnd,
      Duration timeout);

  /** {@link #subscribe(String, List, String, Consumer, Consumer, Duration)} ignoring its end. */
  default Subscription subscribe(
      String subscribeMethod,
      List<?> params,
      String unsubscribeMethod,
      Consumer<JsonNode> onNotification) {
    return subscribe(
        subscribeMethod,
        params,
        unsubscribeMethod,
        onNotification,
        e -> {},
        Duration.ofSeconds(30));
  }

  @Override
  void close();
}
