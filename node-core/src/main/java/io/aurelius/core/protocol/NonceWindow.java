package io.aurelius.core.protocol;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses replayed and out-of-time nonces, per (sender, uuid). A nonce is accepted iff
 *
 * <ul>
 *   <li>it is newer than {@code now − allowedDelta} (else {@link NonceVerdict#STALE}),
 *   <li>it is not later than {@code now + futureBound} (else {@link NonceVerdict#FUTURE}),
 *   <li>it is greater than the last nonce accepted for the same sender and uuid (else {@link
 *       NonceVerdict#REPLAYED}).
 * </ul>
 *
 * <p>Memory is bounded without weakening the rule: a remembered nonce older than {@code now −
 * allowedDelta} can be forgotten, because the first rule already refuses anything at or below it.
 * What remains is capped per sender ({@code maxSessionsPerSender} live uuids), so one hotkey cannot
 * crowd out the others; senders reach the window only after their signature is checked, so the
 * number of senders is bounded by the registry.
 */
public final class NonceWindow {
  private final long allowedDeltaNanos;
  private final long futureBoundNanos;
  private final int maxSessionsPerSender;
  private final ProtocolClock clock;
  private final ConcurrentHashMap<KeyId, Sessions> bySender = new ConcurrentHashMap<>();

  public NonceWindow(
      Duration allowedDelta, Duration futureBound, int maxSessionsPerSender, ProtocolClock clock) {
    this.allowedDeltaNanos = positive(allowedDelta, "allowedDelta").toNanos();
    this.futureBoundNanos = positive(futureBound, "futureBound").toNanos();
    if (maxSessionsPerSender < 1) {
      throw new IllegalArgumentException(
          "maxSessionsPerSender: " + maxSessionsPerSender + " (expected: at least 1)");
    }
    this.maxSessionsPerSender = maxSessionsPerSender;
    this.clock = requireNonNull(clock, "clock");
  }

  /** Checks without remembering: lets the caller skip a signature check that cannot help. */
  public NonceVerdict peek(KeyId sender, String uuid, long nonce) {
    long now = clock.wallNanos();
    NonceVerdict timing = timing(nonce, now);
    if (timing != NonceVerdict.ACCEPTED) {
      return timing;
    }
    Sessions sessions = bySender.get(sender);
    if (sessions == null) {
      return NonceVerdict.ACCEPTED;
    }
    synchronized (sessions) {
      Long last = sessions.lastNonce.get(uuid);
      return last != null && nonce <= last ? NonceVerdict.REPLAYED : NonceVerdict.ACCEPTED;
    }
  }

  /** Checks and, if accepted, remembers the nonce atomically. Call after the signature. */
  public NonceVerdict accept(KeyId sender, String uuid, long nonce) {
    requireNonNull(sender, "sender");
    requireNonNull(uuid, "uuid");
    long now = clock.wallNanos();
    NonceVerdict timing = timing(nonce, now);
    if (timing != NonceVerdict.ACCEPTED) {
      return timing;
    }
    while (true) {
      Sessions sessions = bySender.computeIfAbsent(sender, k -> new Sessions());
      synchronized (sessions) {
        if (sessions.removed) {
          continue; // lost a race with forgetIdle(); take the fresh entry
        }
        Long last = sessions.lastNonce.get(uuid);
        if (last != null && nonce <= last) {
          return NonceVerdict.REPLAYED;
        }
        if (last == null && sessions.lastNonce.size() >= maxSessionsPerSender) {
          sessions.dropOlderThan(now - allowedDeltaNanos);
          if (sessions.lastNonce.size() >= maxSessionsPerSender) {
            return NonceVerdict.TOO_MANY_SESSIONS;
          }
        }
        sessions.lastNonce.put(uuid, nonce);
        return NonceVerdict.ACCEPTED;
      }
    }
  }

  /** Forgets every remembered nonce that the time rule already covers. Safe at any time. */
  public void forgetExpired() {
    long horizon = clock.wallNanos() - allowedDeltaNanos;
    for (Iterator<Map.Entry<KeyId, Sessions>> it = bySender.entrySet().iterator(); it.hasNext(); ) {
      Sessions sessions = it.next().getValue();
      synchronized (sessions) {
        sessions.dropOlderThan(horizon);
        if (sessions.lastNonce.isEmpty()) {
          sessions.removed = true;
          it.remove();
        }
      }
    }
  }

  /** Number of remembered (sender, uuid) sessions; for metrics and tests. */
  public int size() {
    int total = 0;
    for (Sessions sessions : bySender.values()) {
      synchronized (sessions) {
        total += sessions.lastNonce.size();
      }
    }
    return total;
  }

  public Duration allowedDelta() {
    return Duration.ofNanos(allowedDeltaNanos);
  }

  private NonceVerdict timing(long nonce, long now) {
    if (nonce <= now - allowedDeltaNanos) {
      return NonceVerdict.STALE;
    }
    if (nonce > now + futureBoundNanos) {
      return NonceVerdict.FUTURE;
    }
    return NonceVerdict.ACCEPTED;
  }

  private static Duration positive(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + ": " + d + " (expected: positive)");
    }
    return d;
  }

  private static final class Sessions {
    final Map<String, Long> lastNonce = new HashMap<>();
    boolean removed;

    void dropOlderThan(long horizon) {
      lastNonce.values().removeIf(last -> last <= horizon);
    }
  }
}
