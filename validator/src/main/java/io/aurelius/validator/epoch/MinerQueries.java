package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.submission.SubmissionCheck;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import io.aurelius.validator.sn37.Sn37Answer;
import io.aurelius.validator.sn37.Sn37Client;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Step 2: asks every serving miner for its submission at once, each call and the whole round
 * bounded by {@code timeout}; checks each answer with the config module's {@link
 * SubmissionVerifier} (signature, epoch, validator, freshness, size, schema). A miner that does not
 * serve the node's query route (404) but speaks SN37's is asked there next, in the same round, and
 * its answer checked by {@link Sn37Client} (work token, schema_v1) and imported. Nothing here has
 * side effects, so a round cut short by a crash is simply redone.
 */
final class MinerQueries {
  private final ProtocolClient client;
  private final SubmissionVerifier verifier;
  private final Clock clock;
  private final Duration timeout;
  private final int maxConfigBytes;
  private final Sn37Client sn37 = new Sn37Client("aurelius-java");
  private final Supplier<ModuleSet> worldModel;

  MinerQueries(
      ProtocolClient client,
      SubmissionVerifier verifier,
      Clock clock,
      Duration timeout,
      int maxConfigBytes) {
    this(client, verifier, clock, timeout, maxConfigBytes, () -> ModuleSet.BASE);
  }

  /**
   * @param worldModel the validator's adopted modules now: configurations' imports resolve there
   */
  MinerQueries(
      ProtocolClient client,
      SubmissionVerifier verifier,
      Clock clock,
      Duration timeout,
      int maxConfigBytes,
      Supplier<ModuleSet> worldModel) {
    this.worldModel = requireNonNull(worldModel, "worldModel");
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
    ModuleSet adopted = worldModel.get();
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
    Map<Member, CompletableFuture<Reply>> sn37Calls = new LinkedHashMap<>();
    Instant anchor = clock.instant();
    byte[] sn37Request = sn37.requestBody(UUID.randomUUID().toString());
    for (Map.Entry<Member, CompletableFuture<Reply>> call : calls.entrySet()) {
      Member m = call.getKey();
      Reply reply = await(m, call.getValue(), deadline, out);
      if (reply == null) {
        continue;
      }
      if (reply instanceof Reply.Refused r && r.status() == 404) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          sn37Calls.put(
              m,
              client.send(
                  m.endpoint().orElseThrow(),
                  Sn37Client.ROUTE,
                  sn37Request,
                  Duration.ofNanos(left)));
          continue;
        }
      }
      out.add(check(m, query, reply, adopted));
    }
    for (Map.Entry<Member, CompletableFuture<Reply>> call : sn37Calls.entrySet()) {
      Member m = call.getKey();
      Reply reply = await(m, call.getValue(), deadline, out);
      if (reply != null) {
        out.add(checkSn37(m, reply, anchor));
      }
    }
    out.sort(java.util.Comparator.comparingInt(c -> c.miner().uid()));
    return out;
  }

  /** The reply, or null after recording why there is none. */
  private Reply await(Member m, CompletableFuture<Reply> call, long deadline, List<Checked> out) {
    {
      Reply reply;
      try {
        reply = call.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        call.cancel(true);
        out.add(
            new Checked(
                m,
                Optional.empty(),
                Outcome.UNREACHABLE,
                "miner " + m.hotkey() + ": no answer within " + timeout.toMillis() + " ms"));
        return null;
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
        return null;
      }
      return reply;
    }
  }

  /** An SN37 miner's answer: the transport checked its btauth/1 signature, this its content. */
  private Checked checkSn37(Member m, Reply reply, Instant anchor) {
    if (!(reply instanceof Reply.Ok ok)) {
      Checked failed = check(m, null, reply, ModuleSet.BASE);
      return new Checked(m, Optional.empty(), failed.outcome(), "sn37 route: " + failed.message());
    }
    Sn37Answer answer = sn37.read(ok.body(), m.key().verifyingKey(m.keyScheme()), anchor);
    if (answer instanceof Sn37Answer.Accepted a) {
      return new Checked(
          m,
          Optional.of(new Answered(a.config(), a.config().document())),
          Outcome.ADMITTED,
          "configuration "
              + a.config().id().shortHex()
              + " ("
              + a.config().config().name()
              + ") over SN37's scenario_config");
    }
    return new Checked(
        m,
        Optional.empty(),
        Outcome.INVALID_CONFIG,
        "sn37 route: " + oneLine(((Sn37Answer.Refused) answer).reason()));
  }

  private Checked check(Member m, SubmissionQuery query, Reply reply, ModuleSet adopted) {
    if (reply instanceof Reply.Ok ok) {
      SubmissionCheck check = verifier.check(ok.body(), query, m.key(), clock.instant(), adopted);
      if (check instanceof SubmissionCheck.Admitted a) {
        return new Checked(
            m,
            Optional.of(new Answered(a.config(), a.submission().configuration())),
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

  /** An admitted configuration: compiled, and the document as the miner sent it. */
  record Answered(CompiledConfig config, JsonNode document) {}

  /** A miner's answer after the verifier: admitted (with the check) or the refusal. */
  record Checked(Member miner, Optional<Answered> admitted, Outcome outcome, String message) {}
}
