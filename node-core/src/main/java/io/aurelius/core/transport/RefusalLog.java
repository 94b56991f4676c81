package io.aurelius.core.transport;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.protocol.Refusal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refusals at INFO, at most one line per status and reason per interval, saying how many like
 * it were left out since the last one. A flood of bad requests therefore costs a few lines a
 * minute, not one per request, and still shows that it is happening. The keys are the bounded
 * (status, reason) pairs, so the map cannot grow with what callers send.
 */
public final class RefusalLog {
  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  private static final int MAX_MESSAGE = 200;

  /** The interval the node uses. */
  public static final Duration INTERVAL = Duration.ofSeconds(30);

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /** What one line reports: the refusal and how many like it were not logged before it. */
  record Line(String route, int status, String reason, String message, long suppressed) {
    @Override
    public String toString() {
      String text = CONTROL.matcher(message).replaceAll("?");
      if (text.length() > MAX_MESSAGE) {
        text = text.substring(0, MAX_MESSAGE) + "…";
      }
      return "refused "
          + status
          + " "
          + reason
          + " on "
          + route
          + ": "
          + text
          + (suppressed > 0 ? " (" + suppressed + " more like it not logged)" : "");
    }
  }

  private static final class Window {
    long opened;
    long suppressed;

    Window(long opened) {
      this.opened = opened;
    }
  }

  public RefusalLog() {
    this(INTERVAL, System::nanoTime);
  }

  public RefusalLog(Duration interval, LongSupplier nanoTime) {
    requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval: " + interval + " (expected: >= 0)");
    }
    this.intervalNanos = interval.toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
  }

  /** Logs the refusal if its kind has not been logged within the interval. */
  public void refused(String route, Refusal refusal) {
    refused(route, refusal.status().code(), refusal.reason(), refusal.message());
  }

  /**
   * @param reason a constant of the code, never text from the request
   */
  public void refused(String route, int status, String reason, String message) {
    line(route, status, reason, message).ifPresent(line -> LOG.info("{}", line));
  }

  /** The line to log for this refusal, or empty when it is counted as suppressed. */
  Optional<Line> line(String route, int status, String reason, String message) {
    long now = nanoTime.getAsLong();
    String key = status + " " + reason;
    Window window = windows.computeIfAbsent(key, k -> new Window(now - intervalNanos));
    long suppressed;
    synchronized (window) {
      if (now - window.opened < intervalNanos) {
        window.suppressed++;
        return Optional.empty();
      }
      suppressed = window.suppressed;
      window.opened = now;
      window.suppressed = 0;
    }
    return Optional.of(new Line(route, status, reason, message, suppressed));
  }
}
