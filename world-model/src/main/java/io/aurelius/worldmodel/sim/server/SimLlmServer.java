package io.aurelius.worldmodel.sim.server;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.agent.SimLabel;
import io.aurelius.worldmodel.sim.SimModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sim model behind an HTTP port. Routes: {@code POST /v1/chat/completions}, {@code GET
 * /v1/models}, {@code POST /api/chat} (Ollama), {@code GET /api/tags}, {@code GET /healthz}. The
 * fault plan can be changed while running.
 */
public final class SimLlmServer implements AutoCloseable {
  /** {@code system_fingerprint} of every OpenAI-dialect answer: the label a client can check. */
  public static final String FINGERPRINT = SimLabel.FINGERPRINT;

  static {
    // The JDK server writes a response's head and body separately and leaves Nagle's algorithm
    // on unless told otherwise; against a client's delayed ACK that holds every keep-alive answer
    // ~40 ms. The property is read once, when the first HttpServer in the process is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor scheduler;
  private final AtomicReference<FaultPlan> plan;
  private final Stats stats = new Stats();

  private SimLlmServer(
      HttpServer server,
      ExecutorService workers,
      ScheduledThreadPoolExecutor scheduler,
      FaultPlan plan) {
    this.server = server;
    this.workers = workers;
    this.scheduler = scheduler;
    this.plan = new AtomicReference<>(plan);
  }

  /**
   * Binds and starts. {@code threads} bounds the pool that reads requests and computes answers;
   * answers waiting out their latency hold no thread.
   */
  public static SimLlmServer start(InetSocketAddress bind, FaultPlan plan, int threads)
      throws IOException {
    return start(bind, plan, threads, SimResponder.MODEL, Optional.empty());
  }

  /**
   * As {@link #start(InetSocketAddress, FaultPlan, int)}, answering with {@code responder}, and,
   * when {@code apiKey} is present, refusing OpenAI-dialect requests without {@code Authorization:
   * Bearer <apiKey>} with 401 (as a hosted endpoint does).
   */
  public static SimLlmServer start(
      InetSocketAddress bind,
      FaultPlan plan,
      int threads,
      SimResponder responder,
      Optional<String> apiKey)
      throws IOException {
    requireNonNull(bind, "bind");
    requireNonNull(plan, "plan");
    requireNonNull(responder, "responder");
    requireNonNull(apiKey, "apiKey");
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads: " + threads + " (expected: 1..1024)");
    }
    HttpServer server = HttpServer.create(bind, 1024);
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> daemon(r, "sim-llm-" + n.incrementAndGet()));
    workers.allowCoreThreadTimeOut(true);
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(2, r -> daemon(r, "sim-llm-timer"));
    scheduler.setRemoveOnCancelPolicy(true);
    SimLlmServer sim = new SimLlmServer(server, workers, scheduler, plan);
    AtomicLong counter = new AtomicLong();
    server.createContext(
        "/v1/chat/completions",
        new ChatHandler(
            Dialect.OPENAI, sim.plan::get, scheduler, counter, sim.stats, responder, apiKey));
    server.createContext(
        "/api/chat",
        new ChatHandler(
            Dialect.OLLAMA,
            sim.plan::get,
            scheduler,
            counter,
            sim.stats,
            responder,
            Optional.empty()));
    server.createContext("/v1/models", SimLlmServer::models);
    server.createContext("/api/tags", SimLlmServer::tags);
    server.createContext(
        "/healthz", ex -> Responses.send(ex, 200, Json.newObject().put("status", "ok")));
    server.createContext(
        "/",
        ex ->
            Responses.send(
                ex,
                404,
                Dialect.OPENAI.error(
                    404,
                    ex.getRequestURI().getPath()
                        + ": not found (expected: /v1/chat/completions, /v1/models or /api/chat)")));
    // The latency clock starts when the server hands a request to its pool, not when a worker
    // gets to it: time spent queued for a worker counts towards the drawn latency.
    server.setExecutor(
        command -> {
          long dispatched = System.nanoTime();
          workers.execute(
              () -> {
                ChatHandler.DISPATCHED.set(dispatched);
                try {
                  command.run();
                } finally {
                  ChatHandler.DISPATCHED.remove();
                }
              });
        });
    server.start();
    return sim;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static void models(HttpExchange ex) throws IOException {
    ObjectNode body = Json.newObject().put("object", "list");
    body.putArray("data")
        .addObject()
        .put("id", SimModel.NAME)
        .put("object", "model")
        .put("created", 0)
        .put("owned_by", FINGERPRINT);
    Responses.send(ex, 200, body);
  }

  private static void tags(HttpExchange ex) throws IOException {
    ObjectNode body = Json.newObject();
    ArrayNode models = body.putArray("models");
    models.addObject().put("name", SimModel.NAME).put("model", SimModel.NAME);
    Responses.send(ex, 200, body);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String host() {
    return server.getAddress().getAddress().getHostAddress();
  }

  /** The base URL an OpenAI client is given: {@code http://HOST:PORT/v1}. */
  public String openAiBaseUrl() {
    return "http://" + hostForUrl() + ":" + port() + "/v1";
  }

  /** The base URL an Ollama client is given: {@code http://HOST:PORT}. */
  public String ollamaBaseUrl() {
    return "http://" + hostForUrl() + ":" + port();
  }

  private String hostForUrl() {
    String h = host();
    return h.contains(":") ? "[" + h + "]" : h;
  }

  public FaultPlan faults() {
    return plan.get();
  }

  public void faults(FaultPlan next) {
    plan.set(requireNonNull(next, "next"));
  }

  public Stats stats() {
    return stats;
  }

  @Override
  public void close() {
    server.stop(0);
    scheduler.shutdownNow();
    workers.shutdownNow();
  }
}
