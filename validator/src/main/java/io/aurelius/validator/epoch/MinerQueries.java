package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.submission.SubmissionCheck;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Step 2: asks every serving miner for its submission at once, each call and the whole round
 * bounded by {@code timeout}; checks each answer with the config module's {@link
 * SubmissionVerifier} (signature, epoch, validator, freshness, size, schema). Nothing here has side
 * effects, so a round cut short by a crash is simply redone.
 */
final class MinerQueries {
  private final ProtocolClient client;
  private final SubmissionVerifier verifier;
  private final Clock clock;
  private final Duration timeout;
  private final int maxConfigBytes;

  MinerQueries(
      ProtocolClient client,
      SubmissionVerifier verifier,
      Clock clock,
      Duration timeout,
      int maxConfigBytes) {
    this.client = requireNonNull(client, "client");
    this.verifier = requireNonNull(verifier, "verifier");
    this.clock = requireNonNull(clock, "clock");
    this.timeout = requireNonNull(timeout, "timeout");
    this.maxConfigBytes = maxConfigBytes;
  }

  /** One checked answer per miner, in UID order. */
  List<Checked> ask(long epoch, List<Member> miners) {
    KeyId self = client.hotkey();
    SubmissionQuery query = new SubmissionQuery(epoch, self, maxConfigBytes);
    Map<Member, CompletableFuture<Reply>> calls = new LinkedHashMap<>();
    List<Checked> out = new ArrayList<>();
    for (Member m : miners) {
      Optional<PeerEndpoint> endpoint = m.endpoint();
      if (endpoint.isEmpty()) {
        out.add(
            new Checked(
                m,
                Optional.empty(),
                Outcome.UNREACHABLE,
                "miner " + m.hotkey() + " serves no endpoint (expected: host:port on the chain)"));
        continue;
      }
      calls.put(
          m,
          client.send(
              endpoint.get(),
              SubmissionQuery.ROUTE,
              io.aurelius.core.json.CanonicalJson.bytes(query.toJson()),
              timeout));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Map.Entry<Member, CompletableFuture<Reply>> call : calls.entrySet()) {
      Member m = call.getKey();
      Reply reply;
      try {
        reply =
            call.getValue().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        call.getValue().cancel(true);
        out.add(
            new Checked(
                m,
                Optional.empty(),
                Outcome.UNREACHABLE,
                "miner " + m.hotkey() + ": no answer within " + timeout.toMillis() + " ms"));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while querying miners", e);
      } catch (java.util.concurrent.ExecutionException e) {
        out.add(
            new Checked(
                m,
                Optional.empty(),
                Outcome.UNREACHABLE,
                "miner " + m.hotkey() + ": " + e.getCause().getMessage()));
        continue;
      }
      out.add(check(m, query, reply));
    }
    out.sort(java.util.Comparator.comparingInt(c -> c.miner().uid()));
    return out;
  }

  private Checked check(Member m, SubmissionQuery query, Reply reply) {
    if (reply instanceof Reply.Ok ok) {
      SubmissionCheck check = verifier.check(ok.body(), query, m.key(), clock.instant());
      if (check instanceof SubmissionCheck.Admitted a) {
        return new Checked(
            m,
            Optional.of(a),
            Outcome.ADMITTED,
            "configuration "
                + a.config().id().shortHex()
                + " ("
                + a.config().config().name()
                + ")");
      }
      SubmissionCheck.Refused r = (SubmissionCheck.Refused) check;
      return new Checked(
          m, Optional.empty(), Outcome.of(r.reason()), r.reason().code() + ": " + r.message());
    }
    if (reply instanceof Reply.Refused r) {
      return new Checked(
          m,
          Optional.empty(),
          Outcome.REFUSED_BY_MINER,
          "miner refused (" + r.status() + "): " + oneLine(r.message()));
    }
    Reply.Failed f = (Reply.Failed) reply;
    Outcome o =
        switch (f.failure()) {
          case MALFORMED ->
              f.message().contains("larger than") ? Outcome.OVERSIZE : Outcome.GARBAGE;
          case UNVERIFIED -> Outcome.BAD_SIGNATURE;
          case CONNECT, TIMEOUT, CLOSED, REJECTED -> Outcome.UNREACHABLE;
        };
    return new Checked(
        m,
        Optional.empty(),
        o,
        f.failure().name().toLowerCase(java.util.Locale.ROOT) + ": " + oneLine(f.message()));
  }

  private static String oneLine(String s) {
    String line = s.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** A miner's answer after the verifier: admitted (with the check) or the refusal. */
  record Checked(
      Member miner, Optional<SubmissionCheck.Admitted> admitted, Outcome outcome, String message) {}
}
