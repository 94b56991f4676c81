package io.aurelius.worldmodel.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.worldmodel.agent.tokens.TokenCounter;
import io.aurelius.worldmodel.sim.SimModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One chat endpoint. The handler thread reads and checks the request, draws its fate from the fault
 * plan, computes the answer, and hands the write to the scheduler to happen when the drawn latency
 * has passed; so a few threads serve many slow requests at once.
 */
final class ChatHandler implements HttpHandler {
  static final int MAX_BODY_BYTES = 4 << 20;

  /** When the server dispatched the exchange being handled on this thread. */
  static final ThreadLocal<Long> DISPATCHED = new ThreadLocal<>();

  private static final JsonLimits LIMITS = new JsonLimits(MAX_BODY_BYTES, 64, 1 << 20);
  private static final TokenCounter COUNTER = TokenCounter.forModel(SimModel.NAME);

  private final Dialect dialect;
  private final Supplier<FaultPlan> plan;
  private final ScheduledExecutorService scheduler;
  private final AtomicLong counter;
  private final Stats stats;
  private final SimResponder responder;
  private final Optional<String> apiKey;

  ChatHandler(
      Dialect dialect,
      Supplier<FaultPlan> plan,
      ScheduledExecutorService scheduler,
      AtomicLong counter,
      Stats stats,
      SimResponder responder,
      Optional<String> apiKey) {
    this.dialect = dialect;
    this.responder = responder;
    this.apiKey = apiKey;
    this.plan = plan;
    this.scheduler = scheduler;
    this.counter = counter;
    this.stats = stats;
  }

  /** Compares in constant time, so the key cannot be guessed byte by byte from answer times. */
  private static boolean authorized(HttpExchange exchange, String key) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    byte[] given = (header == null ? "" : header).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, ("Bearer " + key).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Long dispatched = DISPATCHED.get();
    long arrived = dispatched == null ? System.nanoTime() : dispatched;
    if (!exchange.getRequestMethod().equals("POST")) {
      Responses.send(
          exchange, 405, dialect.error(405, exchange.getRequestMethod() + " (expected: POST)"));
      return;
    }
    if (apiKey.isPresent() && !authorized(exchange, apiKey.get())) {
      stats.badRequests.incrementAndGet();
      exchange.getRequestBody().close();
      Responses.send(
          exchange,
          401,
          dialect.error(
              401,
              "missing or wrong API key (expected: Authorization: Bearer <the server's key>)"));
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      stats.badRequests.incrementAndGet();
      Responses.send(
          exchange, 413, dialect.error(413, "body: more than " + MAX_BODY_BYTES + " bytes"));
      return;
    }
    WireRequest request;
    try {
      JsonNode json = Json.parse(body, "body", LIMITS);
      request = dialect.parse(json);
    } catch (JsonInputException | IllegalArgumentException e) {
      stats.badRequests.incrementAndGet();
      Responses.send(exchange, 400, dialect.error(400, e.getMessage()));
      return;
    }
    if (request.stream()) {
      stats.badRequests.incrementAndGet();
      Responses.send(
          exchange,
          400,
          dialect.error(400, "stream: true (expected: false; the sim model does not stream)"));
      return;
    }
    long index = counter.getAndIncrement();
    stats.requests.incrementAndGet();
    FaultPlan p = plan.get();
    boolean faulted = p.faultRequests() == 0 || index < p.faultRequests();
    SplittableRandom rng = new SplittableRandom(p.seed() * 0x9E3779B97F4A7C15L + index);
    if (faulted && rng.nextDouble() < p.hangRate()) {
      stats.hangs.incrementAndGet();
      scheduler.schedule(exchange::close, p.hangTime().toNanos(), TimeUnit.NANOSECONDS);
      return;
    }
    if (faulted && rng.nextDouble() < p.errorRate()) {
      stats.serverErrors.incrementAndGet();
      Responses.send(exchange, 500, dialect.error(500, "sim-llm: injected server error"));
      return;
    }
    if (faulted && rng.nextDouble() < p.rateLimitRate()) {
      stats.rateLimited.incrementAndGet();
      Responses.send(exchange, 429, dialect.error(429, "sim-llm: injected rate limit"));
      return;
    }
    String text =
        responder.answer(request.messages(), request.schema(), request.seed(), request.persona());
    if (faulted && rng.nextDouble() < p.malformedRate()) {
      stats.malformed.incrementAndGet();
      text = Malformations.corrupt(text, rng);
    }
    byte[] answer =
        Responses.bytes(
            dialect.answer(
                text,
                COUNTER.countPrompt(request.messages()),
                COUNTER.count(text),
                p.usage(),
                index));
    Duration latency = p.latency().sample(rng);
    long delay = latency.toNanos() - (System.nanoTime() - arrived);
    stats.enter();
    Runnable send =
        () -> {
          stats.leave();
          stats.answered.incrementAndGet();
          Responses.sendQuietly(exchange, 200, answer);
        };
    if (delay <= 0) {
      send.run();
    } else {
      scheduler.schedule(send, delay, TimeUnit.NANOSECONDS);
    }
  }
}
