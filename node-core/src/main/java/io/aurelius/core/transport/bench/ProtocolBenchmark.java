package io.aurelius.core.transport.bench;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.transport.ClientLimits;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.Reply;
import io.aurelius.core.transport.ServerLimits;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.netty.ClientResources;
import io.aurelius.core.transport.netty.NettyProtocolClient;
import io.aurelius.core.transport.netty.NettyProtocolServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures signed round trips on loopback: a real server and {@code clients} real clients, each
 * with its own registered hotkey and one call in flight at a time (a closed loop), through a
 * warm-up that lasts until the JIT compiler has settled and then a measured window. Every call is
 * signed, admitted through the full check order, answered by a handler, signed back and verified by
 * the client. The same run measures raw verification of the hotkeys' scheme on one thread ({@link
 * SignatureBench}), so the ratio compares like with like on whatever machine runs it.
 */
public final class ProtocolBenchmark {
  /**
   * @param clients concurrent clients
   * @param minWarmup round trips before measuring, at least: connections, and the JIT
   * @param maxWarmup at most; between the two, warm-up ends once the JIT compiler has settled
   *     ({@link CompilerSettling}), which on a busy two-core machine takes 15 s or more
   * @param measure the measured window
   * @param verifyWindow how long to measure raw verification
   * @param scheme the key scheme of every hotkey, client and server, and so of the baseline
   */
  public record Settings(
      int clients,
      Duration minWarmup,
      Duration maxWarmup,
      Duration measure,
      Duration verifyWindow,
      KeyScheme scheme) {
    public Settings {
      requireNonNull(scheme, "scheme");
      if (clients < 1 || clients > 1024) {
        throw new IllegalArgumentException("clients: " + clients + " (expected: 1..1024)");
      }
      requireNonNull(minWarmup, "minWarmup");
      requireNonNull(maxWarmup, "maxWarmup");
      requireNonNull(measure, "measure");
      requireNonNull(verifyWindow, "verifyWindow");
      if (measure.isZero()
          || measure.isNegative()
          || verifyWindow.isZero()
          || verifyWindow.isNegative()
          || minWarmup.isNegative()) {
        throw new IllegalArgumentException(
            "bench durations: warm-up "
                + minWarmup
                + ", measure "
                + measure
                + ", verify "
                + verifyWindow
                + " (expected: positive)");
      }
      if (maxWarmup.compareTo(minWarmup) < 0) {
        throw new IllegalArgumentException(
            "bench warm-up: at most "
                + maxWarmup
                + " is below at least "
                + minWarmup
                + " (expected: max >= min)");
      }
    }

    public static Settings defaults() {
      return new Settings(
          64,
          Duration.ofSeconds(5),
          Duration.ofSeconds(60),
          Duration.ofSeconds(5),
          Duration.ofSeconds(2),
          KeyScheme.ED25519);
    }
  }

  record Echo(String payload, long n) {}

  private final Settings settings;

  public ProtocolBenchmark(Settings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  public ProtocolBenchResult run() throws InterruptedException {
    // Verification is measured before and after the round trips, and averaged, so that a
    // machine whose load drifts during the run does not skew the ratio either way.
    Duration half = settings.verifyWindow().dividedBy(2);
    double before = SignatureBench.verifyRate(settings.scheme(), half);
    ProtocolBenchResult result = roundTrips();
    double after = SignatureBench.verifyRate(settings.scheme(), half);
    return result.withVerifiesPerSecond((before + after) / 2);
  }

  /** The round-trip figures; the verify rate is filled in by {@link #run()}. */
  private ProtocolBenchResult roundTrips() throws InterruptedException {
    List<Signer> clientKeys = new ArrayList<>();
    InMemoryPeerDirectory directory = new InMemoryPeerDirectory();
    for (int i = 0; i < settings.clients(); i++) {
      Signer key = SignatureBench.generate(settings.scheme());
      clientKeys.add(key);
      directory.register(key.publicKey(), 1_000 + i);
    }
    ServerLimits limits =
        ServerLimits.defaults().toBuilder()
            .rate(1e9, 1_000_000_000) // the benchmark measures throughput, not the limiter
            .queue(4 * settings.clients(), Duration.ofSeconds(30))
            .build();
    try (ProtocolServer server =
            NettyProtocolServer.start(
                ServerSpec.builder(SignatureBench.generate(settings.scheme()), directory)
                    .bind(new InetSocketAddress("127.0.0.1", 0))
                    .limits(limits)
                    .name("bench-server")
                    .route("bench/echo", call -> call.bodyAs(Echo.class))
                    .build());
        ClientResources resources = ClientResources.create("bench-client", 0, 2)) {
      PeerEndpoint endpoint = server.loopbackEndpoint();
      List<ProtocolClient> clients = new ArrayList<>();
      for (Signer key : clientKeys) {
        clients.add(
            NettyProtocolClient.create(
                ProtocolIdentity.of(key),
                ClientLimits.defaults().withMaxConnectionsPerPeer(1),
                resources));
      }
      try {
        return measure(clients, endpoint);
      } finally {
        clients.forEach(ProtocolClient::close);
      }
    }
  }

  private ProtocolBenchResult measure(List<ProtocolClient> clients, PeerEndpoint endpoint)
      throws InterruptedException {
    long start = System.nanoTime();
    Window window = new Window();
    CountDownLatch done = new CountDownLatch(clients.size());
    AtomicLong failures = new AtomicLong();
    List<Loop> loops = new ArrayList<>();
    for (ProtocolClient client : clients) {
      Loop loop = new Loop(client, endpoint, window, failures, done);
      loops.add(loop);
      loop.next();
    }
    ProtocolBenchResult.WarmupEnd warmupEnd = warmUp(start);
    long windowStart = System.nanoTime();
    window.open(windowStart, windowStart + settings.measure().toNanos());
    long budget = settings.measure().plusSeconds(60).toNanos();
    if (!done.await(budget, TimeUnit.NANOSECONDS)) {
      throw new IllegalStateException(
          "benchmark clients did not finish within "
              + Duration.ofNanos(budget).toSeconds()
              + " s of the measured window's start");
    }
    long[] latencies = loops.stream().flatMapToLong(l -> Arrays.stream(l.latencies())).toArray();
    Arrays.sort(latencies);
    double seconds = settings.measure().toNanos() / 1e9;
    return new ProtocolBenchResult(
        clients.size(),
        Duration.ofNanos(windowStart - start),
        warmupEnd,
        settings.measure(),
        latencies.length,
        failures.get(),
        latencies.length / seconds,
        percentile(latencies, 0.50),
        percentile(latencies, 0.99),
        0,
        Runtime.getRuntime().availableProcessors(),
        settings.scheme());
  }

  /** Lets the loops run unmeasured until the JIT settles, or the longest warm-up runs out. */
  private ProtocolBenchResult.WarmupEnd warmUp(long start) throws InterruptedException {
    CompilerSettling compiler = CompilerSettling.ofThisJvm();
    long min = start + settings.minWarmup().toNanos();
    long max = start + settings.maxWarmup().toNanos();
    while (true) {
      long now = System.nanoTime();
      boolean settled = compiler.settled(now);
      if (now >= min && settled) {
        return compiler.supported()
            ? ProtocolBenchResult.WarmupEnd.SETTLED
            : ProtocolBenchResult.WarmupEnd.UNWATCHED;
      }
      if (now >= max) {
        return ProtocolBenchResult.WarmupEnd.TIMED_OUT;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(250_000_000L, max - now));
    }
  }

  /** The measured window, opened once warm-up is over; calls outside it are not counted. */
  private static final class Window {
    private volatile long start = Long.MAX_VALUE;
    private volatile long end = Long.MAX_VALUE;

    void open(long from, long to) {
      start = from;
      end = to;
    }

    boolean contains(long sent, long answered) {
      return sent >= start && answered <= end;
    }

    boolean over(long now) {
      return now >= end;
    }
  }

  /** One client's closed loop: the next call starts when the previous answer is in. */
  private static final class Loop {
    private final ProtocolClient client;
    private final PeerEndpoint endpoint;
    private final Window window;
    private final AtomicLong failures;
    private final CountDownLatch done;
    private long[] latencies = new long[1024];
    private int count;
    private long n;

    Loop(
        ProtocolClient client,
        PeerEndpoint endpoint,
        Window window,
        AtomicLong failures,
        CountDownLatch done) {
      this.client = client;
      this.endpoint = endpoint;
      this.window = window;
      this.failures = failures;
      this.done = done;
    }

    void next() {
      long sent = System.nanoTime();
      if (window.over(sent)) {
        done.countDown();
        return;
      }
      client
          .call(endpoint, "bench/echo", new Echo("aurelius protocol benchmark", n++))
          .thenAccept(
              reply -> {
                long answered = System.nanoTime();
                if (window.contains(sent, answered)) {
                  if (reply instanceof Reply.Ok) {
                    record(answered - sent);
                  } else {
                    failures.incrementAndGet();
                  }
                }
                next();
              });
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }

    long[] latencies() {
      return Arrays.copyOf(latencies, count);
    }
  }

  private static Duration percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Duration.ZERO;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
    return Duration.ofNanos(sorted[Math.max(0, index)]);
  }
}
