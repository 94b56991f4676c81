package io.aurelius.worldmodel.agent.endpoint;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.ReplyOutcome;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.agent.schema.ParsedReply;
import io.aurelius.worldmodel.agent.schema.ReplyParser;
import io.aurelius.worldmodel.agent.tokens.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AgentModel} over an ordered list of endpoints that all serve the same base model. A
 * turn is played as follows: ask the first healthy endpoint (holding one of its permits while the
 * call is in flight); on a retriable failure back off and retry it up to its attempt limit, then
 * fail over to the next endpoint; parse the answer against the schema; if it is malformed, ask once
 * more with the bad answer and the reason appended (the repair attempt); if that is malformed too,
 * the turn is {@link ReplyOutcome.Malformed}. Calls run on a named bounded pool ({@code
 * agent-call-N}), so a caller never blocks on a model.
 */
public final class EndpointAgentModel implements AgentModel {
  private static final Logger LOG = LoggerFactory.getLogger(EndpointAgentModel.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final List<Lane> lanes;
  private final String description;
  private final ExecutorService pool;
  private final Sleeper sleeper;

  /** Sleeps between tries; a test may replace it to keep backoff instant. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public EndpointAgentModel(
      String description, List<ChatEndpoint> endpoints, List<EndpointPolicy> policies) {
    this(
        description,
        endpoints,
        policies,
        d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
  }

  public EndpointAgentModel(
      String description,
      List<ChatEndpoint> endpoints,
      List<EndpointPolicy> policies,
      Sleeper sleeper) {
    this.description = requireNonNull(description, "description");
    requireNonNull(endpoints, "endpoints");
    requireNonNull(policies, "policies");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    if (endpoints.isEmpty() || endpoints.size() != policies.size()) {
      throw new IllegalArgumentException(
          "endpoints: "
              + endpoints.size()
              + ", policies: "
              + policies.size()
              + " (expected: at least one endpoint, one policy each)");
    }
    List<Lane> list = new ArrayList<>();
    int threads = 0;
    for (int i = 0; i < endpoints.size(); i++) {
      list.add(new Lane(endpoints.get(i), policies.get(i)));
      threads += policies.get(i).maxConcurrency();
    }
    this.lanes = List.copyOf(list);
    // Room for every permit to be in use while as many again wait out a backoff.
    int size = Math.min(2048, Math.max(2, threads * 2));
    int poolId = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            size,
            size,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "agent-call-" + poolId + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    this.pool = executor;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public boolean simulated() {
    return lanes.stream().allMatch(l -> l.endpoint.sim());
  }

  @Override
  public CompletableFuture<AgentReply> reply(AgentRequest request) {
    requireNonNull(request, "request");
    return CompletableFuture.supplyAsync(() -> play(request), pool);
  }

  /** Plays one turn on the calling thread. Never throws for a model failure. */
  public AgentReply play(AgentRequest request) {
    long start = System.nanoTime();
    List<String> incidents = new ArrayList<>();
    List<PromptMessage> messages =
        List.of(PromptMessage.system(request.system()), PromptMessage.user(request.user()));
    var schemaJson = request.schema().toJsonSchema();
    Attempt first =
        ask(new ChatCall(messages, schemaJson, request.seed(), request.persona()), incidents);
    if (first.completion.isEmpty()) {
      return reply(
          new ReplyOutcome.Unavailable(String.join("; ", lastOf(incidents, 3))),
          "",
          TokenUsage.NONE,
          start,
          first.lane.endpoint.model(),
          first.lane.endpoint.sim(),
          first.endpointName,
          first.calls,
          incidents);
    }
    Completion c1 = first.completion.get();
    TokenUsage tokens = tokens(messages, c1, first.lane);
    ParsedReply parsed = ReplyParser.parse(c1.text(), request.schema());
    if (parsed instanceof ParsedReply.Legal legal) {
      return reply(
          new ReplyOutcome.Decided(legal.decision(), false),
          c1.text(),
          tokens,
          start,
          c1.model(),
          c1.sim(),
          first.endpointName,
          first.calls,
          incidents);
    }
    String reason = ((ParsedReply.Illegal) parsed).reason();
    incidents.add(
        "malformed reply from " + first.endpointName + ": " + reason + "; asking once more");
    List<PromptMessage> repair = new ArrayList<>(messages);
    repair.add(PromptMessage.assistant(c1.text()));
    repair.add(PromptMessage.user(repairPrompt(reason)));
    Attempt second =
        ask(new ChatCall(repair, schemaJson, request.seed() + 1, request.persona()), incidents);
    int calls = first.calls + second.calls;
    if (second.completion.isEmpty()) {
      return reply(
          new ReplyOutcome.Malformed(reason + " (repair attempt got no answer)"),
          c1.text(),
          tokens,
          start,
          c1.model(),
          c1.sim(),
          first.endpointName,
          calls,
          incidents);
    }
    Completion c2 = second.completion.get();
    tokens = tokens.plus(tokens(repair, c2, second.lane));
    ParsedReply reparsed = ReplyParser.parse(c2.text(), request.schema());
    if (reparsed instanceof ParsedReply.Legal legal) {
      return reply(
          new ReplyOutcome.Decided(legal.decision(), true),
          c2.text(),
          tokens,
          start,
          c2.model(),
          c2.sim(),
          second.endpointName,
          calls,
          incidents);
    }
    String again = ((ParsedReply.Illegal) reparsed).reason();
    incidents.add("malformed reply again from " + second.endpointName + ": " + again);
    return reply(
        new ReplyOutcome.Malformed(again),
        c2.text(),
        tokens,
        start,
        c2.model(),
        c2.sim(),
        second.endpointName,
        calls,
        incidents);
  }

  /**
   * One call with any JSON schema, with the same concurrency limits, retries and failover as a
   * turn, but no parsing and no repair: for judges and other structured calls.
   */
  public CompletableFuture<ChatResult> chat(
      List<PromptMessage> messages, com.fasterxml.jackson.databind.JsonNode schema, long seed) {
    requireNonNull(messages, "messages");
    requireNonNull(schema, "schema");
    return CompletableFuture.supplyAsync(
        () -> {
          List<String> incidents = new ArrayList<>();
          Attempt a = ask(new ChatCall(messages, schema, seed, Optional.empty()), incidents);
          TokenUsage t = a.completion.map(c -> tokens(messages, c, a.lane)).orElse(TokenUsage.NONE);
          return new ChatResult(a.completion, t, a.endpointName, a.calls, incidents);
        },
        pool);
  }

  static String repairPrompt(String reason) {
    return "Your last answer could not be read: "
        + reason
        + ". Answer again with exactly one JSON object "
        + "that follows the required format, and nothing else.";
  }

  private static AgentReply reply(
      ReplyOutcome outcome,
      String raw,
      TokenUsage tokens,
      long start,
      String model,
      boolean sim,
      String endpoint,
      int calls,
      List<String> incidents) {
    return new AgentReply(
        outcome,
        raw,
        tokens,
        Duration.ofNanos(System.nanoTime() - start),
        model,
        sim,
        endpoint,
        calls,
        incidents);
  }

  private static List<String> lastOf(List<String> list, int n) {
    return list.subList(Math.max(0, list.size() - n), list.size());
  }

  private static TokenUsage tokens(List<PromptMessage> messages, Completion c, Lane lane) {
    if (c.usage().isPresent()) {
      return c.usage().get();
    }
    TokenCounter counter =
        TokenCounter.forModel(c.model().isEmpty() ? lane.endpoint.model() : c.model());
    return new TokenUsage(
        counter.countPrompt(messages), counter.count(c.text()), TokenUsage.Source.COUNTED);
  }

  /** The result of asking the endpoints once, with failover: a completion or nothing. */
  private record Attempt(
      Optional<Completion> completion, Lane lane, String endpointName, int calls) {}

  private Attempt ask(ChatCall call, List<String> incidents) {
    long now = System.nanoTime();
    List<Lane> order = new ArrayList<>();
    lanes.stream().filter(l -> l.healthy(now)).forEach(order::add);
    lanes.stream().filter(l -> !l.healthy(now)).forEach(order::add); // last resort, still tried
    int calls = 0;
    for (Lane lane : order) {
      String name = lane.endpoint.name();
      for (int attempt = 1; attempt <= lane.policy.maxAttempts(); attempt++) {
        calls++;
        try {
          Completion c = callWithPermit(lane, call);
          lane.markUp();
          return new Attempt(Optional.of(c), lane, name, calls);
        } catch (EndpointFailure f) {
          boolean more = f.kind().retriable() && attempt < lane.policy.maxAttempts();
          if (!more) {
            incidents.add(
                name
                    + ": "
                    + f.getMessage()
                    + " (try "
                    + attempt
                    + "/"
                    + lane.policy.maxAttempts()
                    + (order.indexOf(lane) < order.size() - 1 ? ", failing over" : ", giving up")
                    + ")");
            lane.markDown(System.nanoTime());
            break;
          }
          Duration pause = lane.policy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
          incidents.add(
              name
                  + ": "
                  + f.getMessage()
                  + " (try "
                  + attempt
                  + "/"
                  + lane.policy.maxAttempts()
                  + ", retrying in "
                  + pause.toMillis()
                  + " ms)");
          try {
            sleeper.sleep(pause);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            incidents.add(name + ": interrupted while backing off");
            return new Attempt(Optional.empty(), lane, name, calls);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          incidents.add(name + ": interrupted while waiting for a free slot");
          return new Attempt(Optional.empty(), lane, name, calls);
        } catch (RuntimeException e) {
          // An adapter bug must not take the run down: record it and fail over.
          LOG.warn("endpoint {} threw unexpectedly", name, e);
          incidents.add(
              name + ": unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
          break;
        }
      }
    }
    Lane last = order.get(order.size() - 1);
    return new Attempt(Optional.empty(), last, last.endpoint.name(), calls);
  }

  private static Completion callWithPermit(Lane lane, ChatCall call)
      throws EndpointFailure, InterruptedException {
    lane.permits.acquire();
    try {
      return lane.endpoint.complete(call);
    } finally {
      lane.permits.release();
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    for (Lane lane : lanes) {
      try {
        lane.endpoint.close();
      } catch (RuntimeException e) {
        LOG.warn("closing endpoint {} failed", lane.endpoint.name(), e);
      }
    }
  }
}
