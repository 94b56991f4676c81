package io.aurelius.core.chain.substrate.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurelius.core.transport.TextSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One WebSocket connection: the calls waiting for their answer by request id and the live
 * subscriptions by subscription id. When it ends, every waiting call fails and every subscription
 * is told, with the reason.
 */
final class RpcConnection implements TextSocket.Listener {
  private final String endpoint;
  private final ObjectMapper json;
  private final Executor notifications;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, LiveSubscription> subscriptions = new ConcurrentHashMap<>();
  private volatile TextSocket socket;
  private volatile String endReason;

  RpcConnection(String endpoint, ObjectMapper json, Executor notifications) {
    this.endpoint = endpoint;
    this.json = json;
    this.notifications = notifications;
  }

  /** A call sent and waiting; {@code subscription} is set for a subscribe call. */
  record Pending(
      String method, CompletableFuture<JsonNode> result, LiveSubscription subscription) {}

  /** The socket this connection speaks over, once it is open. */
  void attach(TextSocket socket) {
    this.socket = socket;
  }

  boolean open() {
    TextSocket s = socket;
    return s != null && s.isOpen() && endReason == null;
  }

  CompletableFuture<JsonNode> send(
      long id, String method, String request, LiveSubscription subscription) {
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, new Pending(method, result, subscription));
    String reason = endReason;
    TextSocket s = socket;
    if (reason != null || s == null) {
      pending.remove(id);
      result.completeExceptionally(lost(method, reason == null ? "not connected" : reason));
      return result;
    }
    s.send(request)
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                Pending p = pending.remove(id);
                if (p != null) {
                  p.result.completeExceptionally(
                      lost(method, "sending failed: " + failure.getMessage()));
                }
              }
            });
    return result;
  }

  void forget(long id) {
    pending.remove(id);
  }

  void forget(LiveSubscription s) {
    subscriptions.remove(s.id(), s);
  }

  void close() {
    TextSocket s = socket;
    if (s != null) {
      s.close();
    }
  }

  private RpcException lost(String method, String reason) {
    return new RpcException(
        method + ": connection to " + endpoint + " lost before the answer (" + reason + ")",
        true,
        null);
  }

  private void end(String reason) {
    if (endReason != null) {
      return;
    }
    endReason = reason;
    for (Long id : pending.keySet()) {
      Pending p = pending.remove(id);
      if (p != null) {
        p.result.completeExceptionally(lost(p.method, reason));
      }
    }
    for (LiveSubscription s : subscriptions.values()) {
      subscriptions.remove(s.id());
      notifications.execute(
          () ->
              s.end(
                  new RpcException(
                      s.method()
                          + " subscription "
                          + s.id()
                          + ": connection to "
                          + endpoint
                          + " lost ("
                          + reason
                          + ")",
                      true,
                      null)));
    }
  }

  @Override
  public void onClosed(String reason) {
    end(reason);
  }

  /** One JSON-RPC message: an answer by id, or a notification by subscription id. */
  @Override
  public void onText(String text) {
    JsonNode message;
    try {
      message = json.readTree(text);
    } catch (JsonProcessingException e) {
      protocolError("a message that is not JSON: " + RpcErrorResponse.oneLine(preview(text)));
      return;
    }
    if (message == null || !message.isObject()) {
      protocolError("a message that is not a JSON-RPC object: " + preview(text));
    } else if (message.hasNonNull("id")) {
      answer(message);
    } else if (message.has("method") && message.path("params").has("subscription")) {
      notification(message);
    } else {
      protocolError("a message with neither an id nor a subscription: " + preview(text));
    }
  }

  private void answer(JsonNode message) {
    if (!message.get("id").canConvertToLong()) {
      protocolError("an answer with id " + message.get("id") + " (expected: a number)");
      return;
    }
    Pending p = pending.remove(message.get("id").asLong());
    if (p == null) {
      return; // an answer to a call that timed out
    }
    JsonNode error = message.get("error");
    if (error != null && !error.isNull()) {
      p.result.completeExceptionally(
          new RpcErrorResponse(
              p.method,
              error.path("code").asInt(),
              error.path("message").asText(""),
              error.get("data")));
    } else if (!message.has("result")) {
      p.result.completeExceptionally(
          new RpcException(p.method + ": answer without result or error from " + endpoint));
    } else {
      if (p.subscription != null) {
        JsonNode id = message.get("result");
        if (!id.isTextual() && !id.isNumber()) {
          p.result.completeExceptionally(
              new RpcException(
                  p.method + ": subscription id " + id + " (expected: a string or number)"));
          return;
        }
        p.subscription.bind(id.asText(), this);
        subscriptions.put(id.asText(), p.subscription);
      }
      p.result.complete(message.get("result"));
    }
  }

  private void notification(JsonNode message) {
    JsonNode params = message.get("params");
    LiveSubscription s = subscriptions.get(params.get("subscription").asText());
    if (s != null) {
      JsonNode result = params.get("result");
      notifications.execute(() -> s.deliver(result));
    }
  }

  private void protocolError(String what) {
    end("node sent " + what + " (expected: JSON-RPC 2.0)");
    close();
  }

  private static String preview(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  /** A subscription as the client tracks it. */
  static final class LiveSubscription implements Subscription {
    private final String method;
    private final String unsubscribeMethod;
    private final Consumer<JsonNode> onNotification;
    private final Consumer<RpcException> onEnd;
    private final WebSocketRpcClient client;
    private volatile String id;
    private volatile RpcConnection connection;
    private volatile boolean ended;

    LiveSubscription(
        String method,
        String unsubscribeMethod,
        Consumer<JsonNode> onNotification,
        Consumer<RpcException> onEnd,
        WebSocketRpcClient client) {
      this.method = method;
      this.unsubscribeMethod = unsubscribeMethod;
      this.onNotification = onNotification;
      this.onEnd = onEnd;
      this.client = client;
    }

    void bind(String id, RpcConnection connection) {
      this.id = id;
      this.connection = connection;
    }

    String method() {
      return method;
    }

    void deliver(JsonNode result) {
      if (!ended) {
        onNotification.accept(result);
      }
    }

    void end(RpcException why) {
      if (!ended) {
        ended = true;
        onEnd.accept(why);
      }
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean active() {
      return !ended && connection != null && connection.open();
    }

    @Override
    public void close() {
      if (ended) {
        return;
      }
      ended = true;
      RpcConnection c = connection;
      if (c != null) {
        c.forget(this);
        if (c.open()) {
          client.unsubscribe(c, unsubscribeMethod, id);
        }
      }
    }
  }
}
