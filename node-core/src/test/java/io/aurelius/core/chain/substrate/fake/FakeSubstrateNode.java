package io.aurelius.core.chain.substrate.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A Substrate node on loopback that answers from {@link RecordedTraffic}. A request that was not
 * recorded gets JSON-RPC error -32000 naming it. Subscriptions: a subscribe method gets an id and
 * then whatever its script sends ({@link #onSubscribe}); {@code chain_subscribeFinalizedHeads} and
 * {@code chain_subscribeNewHeads} send the recorded head once by default.
 */
public final class FakeSubstrateNode implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RecordedTraffic traffic;
  private final EventLoopGroup group;
  private final Channel server;
  private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final Map<String, BiConsumer<JsonNode, Sink>> scripts = new ConcurrentHashMap<>();
  private final Map<String, Function<JsonNode, JsonNode>> calls = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> overrides = new ConcurrentHashMap<>();
  private final AtomicInteger subscriptionIds = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile Fault fault = Fault.NONE;
  private volatile Duration latency = Duration.ZERO;

  private FakeSubstrateNode(RecordedTraffic traffic) throws InterruptedException {
    this.traffic = traffic;
    this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    BiConsumer<JsonNode, Sink> head =
        (params, sink) ->
            traffic
                .answer("chain_getHeader", JsonNodeFactory.instance.arrayNode())
                .ifPresent(r -> sink.send(r.get("result")));
    scripts.put("chain_subscribeFinalizedHeads", head);
    scripts.put("chain_subscribeNewHeads", head);
    this.server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    connections.incrementAndGet();
                    clients.add(ch);
                    ch.pipeline()
                        .addLast(
                            new HttpServerCodec(),
                            new HttpObjectAggregator(64 * 1024),
                            new WebSocketServerProtocolHandler("/", null, true, 1 << 20),
                            new Handler());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  public static FakeSubstrateNode serve(RecordedTraffic traffic) {
    try {
      return new FakeSubstrateNode(traffic);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("fake substrate node: interrupted while binding", e);
    }
  }

  public URI uri() {
    return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort());
  }

  public FakeSubstrateNode fault(Fault f) {
    this.fault = f;
    return this;
  }

  public FakeSubstrateNode latency(Duration d) {
    this.latency = d;
    return this;
  }

  /** What a subscription sends after its id: the script gets the params and a sink. */
  public FakeSubstrateNode onSubscribe(String method, BiConsumer<JsonNode, Sink> script) {
    scripts.put(method, script);
    return this;
  }

  /**
   * Answers {@code method} from a script instead of the recordings (checked before subscription
   * scripts): it gets the params and returns the response object, {@code {"result": ...}} or {@code
   * {"error": {...}}}, or {@code null} to answer as if it were not there.
   */
  public FakeSubstrateNode onCall(String method, Function<JsonNode, JsonNode> answer) {
    calls.put(method, answer);
    return this;
  }

  /**
   * Answers {@code method} with {@code result} whatever its params, instead of the recording (a
   * node whose runtime changed); {@code null} removes the override.
   */
  public FakeSubstrateNode override(String method, JsonNode result) {
    if (result == null) {
      overrides.remove(method);
    } else {
      overrides.put(method, result);
    }
    return this;
  }

  /** Every method asked so far, in order. */
  public List<String> asked() {
    return List.copyOf(asked);
  }

  /** Connections accepted so far. */
  public int connections() {
    return connections.get();
  }

  /** Closes every client connection (the server keeps listening). */
  public void disconnectAll() {
    clients.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    disconnectAll();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  /** Sends notifications of one subscription. */
  public interface Sink {
    void send(JsonNode result);

    /** Drops the connection, as a node that went away. */
    void disconnect();
  }

  private final class Handler extends SimpleChannelInboundHandler<TextWebSocketFrame> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame)
        throws Exception {
      JsonNode request = JSON.readTree(frame.text());
      asked.add(request.path("method").asText());
      long delay = latency.toMillis();
      if (delay > 0) {
        ctx.executor().schedule(() -> answer(ctx, request), delay, TimeUnit.MILLISECONDS);
      } else {
        answer(ctx, request);
      }
    }

    private void answer(ChannelHandlerContext ctx, JsonNode request) {
      String method = request.path("method").asText();
      JsonNode params = request.path("params");
      Fault f = fault;
      if (f == Fault.GARBAGE) {
        ctx.writeAndFlush(new TextWebSocketFrame("\u0000garbage{not json"));
        return;
      }
      ObjectNode response = JsonNodeFactory.instance.objectNode();
      response.put("jsonrpc", "2.0");
      response.set("id", request.get("id"));
      if (f == Fault.UNKNOWN_METHOD) {
        response.set("error", error(-32601, "Method not found"));
        write(ctx, response);
        return;
      }
      Function<JsonNode, JsonNode> call = calls.get(method);
      JsonNode answer = call == null ? null : call.apply(params);
      if (answer != null) {
        response.set(
            answer.has("error") ? "error" : "result",
            answer.get(answer.has("error") ? "error" : "result"));
        write(ctx, response);
        return;
      }
      BiConsumer<JsonNode, Sink> script = scripts.get(method);
      if (script != null) {
        String id = "sub-" + subscriptionIds.incrementAndGet();
        response.put("result", id);
        write(ctx, response);
        script.accept(params, new ChannelSink(ctx, method, id, f));
        return;
      }
      if (method.startsWith("chain_unsubscribe") || method.startsWith("author_unwatch")) {
        response.put("result", true);
        write(ctx, response);
        return;
      }
      Optional<JsonNode> recorded =
          overrides.containsKey(method)
              ? Optional.of(
                  JsonNodeFactory.instance.objectNode().set("result", overrides.get(method)))
              : traffic.answer(method, params);
      if (recorded.isEmpty()) {
        response.set(
            "error",
            error(
                -32000, "not recorded in " + traffic.operations() + ": " + method + " " + params));
      } else if (recorded.get().has("error")) {
        response.set("error", recorded.get().get("error"));
      } else {
        JsonNode result = recorded.get().get("result");
        if (f == Fault.TRUNCATED_SCALE
            && result.isTextual()
            && result.asText().startsWith("0x")
            && result.asText().length() > 4) {
          String hex = result.asText();
          result = JsonNodeFactory.instance.textNode(hex.substring(0, hex.length() - 2));
        }
        response.set("result", result);
      }
      write(ctx, response);
    }

    private ObjectNode error(int code, String message) {
      ObjectNode e = JsonNodeFactory.instance.objectNode();
      e.put("code", code);
      e.put("message", message);
      return e;
    }
  }

  private static void write(ChannelHandlerContext ctx, JsonNode message) {
    ctx.writeAndFlush(new TextWebSocketFrame(message.toString()));
  }

  private record ChannelSink(ChannelHandlerContext ctx, String method, String id, Fault fault)
      implements Sink {
    @Override
    public void send(JsonNode result) {
      ObjectNode n = JsonNodeFactory.instance.objectNode();
      n.put("jsonrpc", "2.0");
      n.put("method", method);
      ObjectNode params = n.putObject("params");
      params.put("subscription", id);
      params.set("result", result);
      write(ctx, n);
      if (fault == Fault.DISCONNECT_MID_SUBSCRIPTION) {
        ctx.executor().schedule(() -> ctx.close(), 50, TimeUnit.MILLISECONDS);
      }
    }

    @Override
    public void disconnect() {
      ctx.close();
    }
  }
}
