package io.aurelius.core.chain.substrate.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
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
final class RpcConnection {
  private final String endpoint;
  private final ObjectMapper json;
  private final Executor notifications;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, LiveSubscription> subscriptions = new ConcurrentHashMap<>();
  final CompletableFuture<RpcConnection> handshake = new CompletableFuture<>();
  private volatile Channel channel;
  private volatile String endReason;

  RpcConnection(String endpoint, ObjectMapper json, Executor notifications) {
    this.endpoint = endpoint;
    this.json = json;
    this.notifications = notifications;
  }

  /** A call sent and waiting; {@code subscription} is set for a subscribe call. */
  record Pending(
      String method, CompletableFuture<JsonNode> result, LiveSubscription subscription) {}

  boolean open() {
    Channel c = channel;
    return c != null && c.isActive() && endReason == null && handshake.isDone();
  }

  CompletableFuture<JsonNode> send(
      long id, String method, String request, LiveSubscription subscription) {
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, new Pending(method, result, subscription));
    String reason = endReason;
    Channel c = channel;
    if (reason != null || c == null) {
      pending.remove(id);
      result.completeExceptionally(lost(method, reason == null ? "not connected" : reason));
      return result;
    }
    c.writeAndFlush(new TextWebSocketFrame(request))
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                Pending p = pending.remove(id);
                if (p != null) {
                  p.result.completeExceptionally(
                      lost(method, "sending failed: " + f.cause().getMessage()));
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
    Channel c = channel;
    if (c != null) {
      c.close();
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
    handshake.completeExceptionally(
        new RpcException("connect to " + endpoint + ": " + reason, true, null));
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

  /** The last handler of the pipeline: JSON-RPC messages in, answers and notifications out. */
  final class Handler extends SimpleChannelInboundHandler<WebSocketFrame> {
    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
      channel = ctx.channel();
      super.channelActive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        handshake.complete(RpcConnection.this);
      } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
        end("WebSocket handshake timed out");
        ctx.close();
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (!(frame instanceof TextWebSocketFrame) && !(frame instanceof BinaryWebSocketFrame)) {
        return;
      }
      String text = frame.content().toString(StandardCharsets.UTF_8);
      JsonNode message;
      try {
        message = json.readTree(text);
      } catch (JsonProcessingException e) {
        protocolError(
            ctx, "a message that is not JSON: " + RpcErrorResponse.oneLine(preview(text)));
        return;
      }
      if (message == null || !message.isObject()) {
        protocolError(ctx, "a message that is not a JSON-RPC object: " + preview(text));
      } else if (message.hasNonNull("id")) {
        answer(ctx, message);
      } else if (message.has("method") && message.path("params").has("subscription")) {
        notification(message);
      } else {
        protocolError(ctx, "a message with neither an id nor a subscription: " + preview(text));
      }
    }

    private void answer(ChannelHandlerContext ctx, JsonNode message) {
      if (!message.get("id").canConvertToLong()) {
        protocolError(ctx, "an answer with id " + message.get("id") + " (expected: a number)");
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
          p.subscription.bind(id.asText(), RpcConnection.this);
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

    private void protocolError(ChannelHandlerContext ctx, String what) {
      end("node sent " + what + " (expected: JSON-RPC 2.0)");
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      end("connection closed");
      super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      end(
          cause.getClass().getSimpleName()
              + ": "
              + RpcErrorResponse.oneLine(String.valueOf(cause.getMessage())));
      ctx.close();
    }
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
