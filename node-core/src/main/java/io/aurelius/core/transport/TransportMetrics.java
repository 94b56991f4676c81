package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.metrics.Counter;
import io.aurelius.core.metrics.MetricsRegistry;
import io.aurelius.core.protocol.Refusal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The live counters of one server, updated from any thread: behind {@link ServerStats}, and
 * exported to the registry the server was given (its {@code /metrics}) as the {@code
 * aurelius_http_*} families. Requests are counted by route, refusals by route, status and reason;
 * the route label is a name from the server's route table ({@link #UNKNOWN_ROUTE} for a path no
 * route serves), and the reason is a constant of the code, so no caller can grow the label set.
 */
public final class TransportMetrics {
  /** The route label of a request no route serves (or whose path could not be read). */
  public static final String UNKNOWN_ROUTE = "unknown";

  private final LongAdder[] byStatus = new LongAdder[600];
  private final LongAdder handlerCalls = new LongAdder();
  private final LongAdder connectionsRefused = new LongAdder();
  private final LongAdder connectionsDisplaced = new LongAdder();
  private final LongAdder silentConnectionsClosed = new LongAdder();
  private final LongAdder slowRequestsCut = new LongAdder();
  private final AtomicInteger openConnections = new AtomicInteger();
  private volatile IntSupplier queued = () -> 0;

  private final Counter requests;
  private final Counter responses;
  private final Counter refusals;
  private final Counter handlerCallsTotal;
  private final Counter connectionsDropped;
  private final RefusalLog log;

  /** Counters that only {@link #snapshot()} reads. */
  public TransportMetrics() {
    this(new MetricsRegistry(), new RefusalLog());
  }

  /**
   * @param registry where the counters are exported; a registry shared by several servers sums
   *     their counters, and its gauges follow the first server registered
   */
  public TransportMetrics(MetricsRegistry registry, RefusalLog log) {
    requireNonNull(registry, "registry");
    this.log = requireNonNull(log, "log");
    for (int i = 0; i < byStatus.length; i++) {
      byStatus[i] = new LongAdder();
    }
    requests =
        registry.counter(
            "aurelius_http_requests_total",
            "Requests received, by route (from the route table, or 'unknown').",
            "route");
    responses =
        registry.counter(
            "aurelius_http_responses_total", "HTTP responses written, by status.", "status");
    refusals =
        registry.counter(
            "aurelius_http_refusals_total",
            "Requests refused, by route (from the route table, or 'unknown'), status and reason.",
            "route",
            "status",
            "reason");
    handlerCallsTotal =
        registry.counter(
            "aurelius_http_handler_calls_total", "Signed calls that reached their route handler.");
    connectionsDropped =
        registry.counter(
            "aurelius_http_connections_dropped_total",
            "Connections closed by admission: at_limit (reset when full), displaced (quiet one"
                + " closed to make room), silent (no first byte in time), slow_request (408).",
            "cause");
    for (String cause : new String[] {"at_limit", "displaced", "silent", "slow_request"}) {
      connectionsDropped.add(0, cause);
    }
    registry.gauge("aurelius_http_connections_open", "Connections open now.", openConnections::get);
    registry.gauge(
        "aurelius_http_queued_calls",
        "Signed calls waiting for a protocol worker.",
        () -> queued.getAsInt());
  }

  public void response(int status) {
    if (status >= 0 && status < byStatus.length) {
      byStatus[status].increment();
      responses.inc(Integer.toString(status));
    }
  }

  /** Counts a request to {@code route}, whatever its answer. */
  public void requested(String route) {
    requests.inc(requireNonNull(route, "route"));
  }

  /** Counts and (rate-limited) logs a refusal of a request to {@code route}. */
  public void refused(String route, Refusal refusal) {
    requireNonNull(route, "route");
    requireNonNull(refusal, "refusal");
    refusals.inc(route, Integer.toString(refusal.status().code()), refusal.reason());
    log.refused(route, refusal);
  }

  /**
   * Counts a plain route's own error answer ({@code status} 400 or more, e.g. git's 413 for too
   * many haves) as a refusal with reason {@code Handler}.
   */
  public void plainAnswered(String route, int status, String message) {
    requireNonNull(route, "route");
    if (status >= 400) {
      refusals.inc(route, Integer.toString(status), CallProcessor.HANDLER);
      log.refused(route, status, CallProcessor.HANDLER, message);
    }
  }

  public void handlerCall() {
    handlerCalls.increment();
    handlerCallsTotal.inc();
  }

  public void connectionRefused() {
    connectionsRefused.increment();
    connectionsDropped.inc("at_limit");
  }

  public void connectionDisplaced() {
    connectionsDisplaced.increment();
    connectionsDropped.inc("displaced");
  }

  public void silentConnectionClosed() {
    silentConnectionsClosed.increment();
    connectionsDropped.inc("silent");
  }

  public void slowRequestCut() {
    slowRequestsCut.increment();
    connectionsDropped.inc("slow_request");
  }

  /** Counts a new connection; the server's admission decides whether it may stay. */
  public void connectionOpened() {
    openConnections.incrementAndGet();
  }

  public void connectionClosed() {
    openConnections.decrementAndGet();
  }

  public void queueDepth(IntSupplier supplier) {
    this.queued = supplier;
  }

  public ServerStats snapshot() {
    Map<Integer, Long> counts = new TreeMap<>();
    for (int i = 0; i < byStatus.length; i++) {
      long n = byStatus[i].sum();
      if (n > 0) {
        counts.put(i, n);
      }
    }
    return new ServerStats(
        counts,
        handlerCalls.sum(),
        connectionsRefused.sum(),
        connectionsDisplaced.sum(),
        silentConnectionsClosed.sum(),
        slowRequestsCut.sum(),
        queued.getAsInt(),
        openConnections.get());
  }
}
