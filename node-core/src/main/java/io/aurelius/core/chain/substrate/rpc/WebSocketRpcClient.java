package io.aurelius.core.chain.substrate.rpc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.transport.TextSocketConnector;
import io.aurelius.core.transport.netty.NettyTextSocketConnector;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@link SubstrateRpc} over one WebSocket connection, opened on first use and opened again (with
 * backoff) after it is lost. Progress (connecting, reconnecting, retrying) goes to {@code
 * progress}, one line each.
 */
public final class WebSocketRpcClient implements SubstrateRpc {
  private final URI uri;
  private final RpcSettings settings;
  private final Consumer<String> progress;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicLong ids = new AtomicLong();
  private final TextSocketConnector connector;
  private final ExecutorService notifications;
  private final Object connecting = new Object();
  private RpcConnection connection;
  private int failures;
  private long nextAttemptNanos;
  private boolean everConnected;
  private volatile boolean closed;

  private WebSocketRpcClient(
      URI uri, RpcSettings settings, Consumer<String> progress, TextSocketConnector connector) {
    this.uri = uri;
    this.settings = settings;
    this.progress = progress;
    this.connector = connector;
    this.notifications =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "substrate-rpc-notify");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A client of the node at {@code ws://HOST:PORT[/path]} or {@code wss://…}; it connects on first
   * use.
   */
  public static WebSocketRpcClient create(
      URI uri, RpcSettings settings, Consumer<String> progress) {
    requireNonNull(uri, "uri");
    requireNonNull(settings, "settings");
    requireNonNull(progress, "progress");
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss") || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "substrate endpoint '" + uri + "' (expected: ws://HOST:PORT or wss://HOST:PORT)");
    }
    return new WebSocketRpcClient(uri, settings, progress, new NettyTextSocketConnector());
  }

  @Override
  public String endpoint() {
    return uri.toString();
  }

  @Override
  public JsonNode call(String method, List<?> params, Duration timeout) {
    requireNonNull(method, "method");
    requireNonNull(params, "params");
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean retry = SafeMethods.isSafeToRetry(method);
    while (true) {
      try {
        return await(method, send(method, params, null, deadline), deadline, timeout);
      } catch (RpcException e) {
        if (!retry || !e.connectionLost() || e instanceof RpcErrorResponse || closed) {
          throw e;
        }
        retry = false;
        progress.accept("retrying " + method + " once: " + e.getMessage());
      }
    }
  }

  @Override
  public Subscription subscribe(
      String subscribeMethod,
      List<?> params,
      String unsubscribeMethod,
      Consumer<JsonNode> onNotification,
      Consumer<RpcException> onEnd,
      Duration timeout) {
    requireNonNull(unsubscribeMethod, "unsubscribeMethod");
    requireNonNull(onNotification, "onNotification");
    requireNonNull(onEnd, "onEnd");
    long deadline = System.nanoTime() + timeout.toNanos();
    RpcConnection.LiveSubscription s =
        new RpcConnection.LiveSubscription(
            subscribeMethod, unsubscribeMethod, onNotification, onEnd, this);
    await(subscribeMethod, send(subscribeMethod, params, s, deadline), deadline, timeout);
    return s;
  }

  void unsubscribe(RpcConnection c, String method, String id) {
    long callId = ids.incrementAndGet();
    c.send(callId, method, request(callId, method, List.of(id)), null)
        .orTimeout(10, TimeUnit.SECONDS)
        .whenComplete((r, e) -> c.forget(callId));
  }

  private record Sent(
      RpcConnection connection, long id, java.util.concurrent.CompletableFuture<JsonNode> result) {}

  private Sent send(
      String method, List<?> params, RpcConnection.LiveSubscription s, long deadline) {
    RpcConnection c = connection(method, deadline);
    long id = ids.incrementAndGet();
    return new Sent(c, id, c.send(id, method, request(id, method, params), s));
  }

  private JsonNode await(String method, Sent sent, long deadline, Duration timeout) {
    try {
      return sent.result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      sent.connection.forget(sent.id);
      throw new RpcException(
          method + ": no answer from " + uri + " (expected: within " + timeout.toMillis() + " ms)");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RpcException r) {
        throw r;
      }
      throw new RpcException(method + ": " + e.getCause(), true, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.connection.forget(sent.id);
      throw new RpcException(method + ": interrupted waiting for " + uri);
    }
  }

  private String request(long id, String method, List<?> params) {
    ObjectNode r = json.createObjectNode();
    r.put("jsonrpc", "2.0");
    r.put("id", id);
    r.put("method", method);
    r.set("params", json.valueToTree(params));
    try {
      return json.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          method + ": params are not JSON: " + e.getOriginalMessage());
    }
  }

  /** The open connection, opening one (after the backoff the last failures earned) if needed. */
  private RpcConnection connection(String method, long deadline) {
    synchronized (connecting) {
      while (true) {
        if (closed) {
          throw new RpcException(method + ": client of " + uri + " is closed");
        }
        if (connection != null && connection.open()) {
          return connection;
        }
        long wait = nextAttemptNanos - System.nanoTime();
        if (wait > 0) {
          if (System.nanoTime() + wait > deadline) {
            throw new RpcException(
                method
                    + ": not connected to "
                    + uri
                    + " ("
                    + failures
                    + " connect attempts failed)",
                true,
                null);
          }
          sleep(wait);
        }
        try {
          connection = open(deadline);
          failures = 0;
          nextAttemptNanos = 0;
          return connection;
        } catch (RpcException e) {
          failures++;
          nextAttemptNanos = System.nanoTime() + settings.backoff(failures).toNanos();
          if (System.nanoTime() >= deadline || !everConnected) {
            throw new RpcException(method + ": " + e.getMessage(), true, e);
          }
          progress.accept(
              e.getMessage()
                  + "; next attempt in "
                  + settings.backoff(failures).toMillis()
                  + " ms");
        }
      }
    }
  }

  private RpcConnection open(long deadline) {
    progress.accept((everConnected ? "reconnecting to " : "connecting to ") + uri);
    RpcConnection c = new RpcConnection(uri.toString(), json, notifications);
    long budget =
        Math.max(1, Math.min(settings.connectTimeout().toNanos(), deadline - System.nanoTime()));
    try {
      c.attach(connector.connect(uri, settings.maxMessageBytes(), Duration.ofNanos(budget), c));
    } catch (IOException e) {
      throw new RpcException(e.getMessage(), true, e);
    }
    everConnected = true;
    return c;
  }

  private static void sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("interrupted waiting to reconnect");
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (connecting) {
      if (connection != null) {
        connection.close();
      }
    }
    connector.close();
    notifications.shutdown();
  }
}
