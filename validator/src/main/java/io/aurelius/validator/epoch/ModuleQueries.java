package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.submission.ModuleSubmission;
import io.aurelius.config.submission.ModuleSubmissionCheck;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.config.submission.SubmissionVerifier;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Part of step 2: asks every serving miner on {@link ModuleSubmission#ROUTE} for a world-model
 * module, with the same signed query as for configurations, and admits each answer against the
 * validator's world model ({@link SubmissionVerifier#checkModule}). The calls are sent before the
 * configuration round and collected after it, so they add no wait of their own. A miner that serves
 * no module (no route, 404, or nothing to serve, 422) or does not answer in time has no module
 * submission; one that answers is admitted or refused with a reason code. A module already adopted,
 * or one another miner (lower UID) submitted this epoch, is a duplicate.
 */
final class ModuleQueries {
  private final ProtocolClient client;
  private final SubmissionVerifier verifier;
  private final Clock clock;
  private final Duration timeout;
  private final int maxBytes;
  private final Supplier<ModuleSet> worldModel;

  ModuleQueries(
      ProtocolClient client,
      SubmissionVerifier verifier,
      Clock clock,
      Duration timeout,
      int maxBytes,
      Supplier<ModuleSet> worldModel) {
    this.client = requireNonNull(client, "client");
    this.verifier = requireNonNull(verifier, "verifier");
    this.clock = requireNonNull(clock, "clock");
    this.timeout = requireNonNull(timeout, "timeout");
    this.maxBytes = maxBytes;
    this.worldModel = requireNonNull(worldModel, "worldModel");
  }

  /** The calls in flight; {@link Pending#decide()} waits for them (within the timeout). */
  Pending send(long epoch, List<Member> miners) {
    SubmissionQuery query = new SubmissionQuery(epoch, client.hotkey(), maxBytes);
    byte[] body = CanonicalJson.bytes(query.toJson());
    Map<Member, CompletableFuture<Reply>> calls = new LinkedHashMap<>();
    for (Member m : miners) {
      m.endpoint()
          .ifPresent(e -> calls.put(m, client.send(e, ModuleSubmission.ROUTE, body, timeout)));
    }
    return new Pending(query, calls, System.nanoTime() + timeout.toNanos());
  }

  /** One round of module calls. */
  final class Pending {
    private final SubmissionQuery query;
    private final Map<Member, CompletableFuture<Reply>> calls;
    private final long deadline;

    private Pending(
        SubmissionQuery query, Map<Member, CompletableFuture<Reply>> calls, long deadline) {
      this.query = query;
      this.calls = calls;
      this.deadline = deadline;
    }

    /** The module submissions the miners made, in UID order. */
    List<SubmissionRecord> decide() {
      ModuleSet adopted = worldModel.get();
      Set<String> seen = new HashSet<>();
      List<SubmissionRecord> out = new ArrayList<>();
      List<Member> order = new ArrayList<>(calls.keySet());
      order.sort(java.util.Comparator.comparingInt(Member::uid));
      for (Member m : order) {
        Optional<Reply> reply = await(calls.get(m));
        if (reply.isEmpty() || !(reply.get() instanceof Reply.Ok ok)) {
          continue;
        }
        out.add(check(m, ok, adopted, seen));
      }
      return out;
    }

    private SubmissionRecord check(Member m, Reply.Ok ok, ModuleSet adopted, Set<String> seen) {
      ModuleSubmissionCheck check =
          verifier.checkModule(ok.body(), query, m.key(), clock.instant(), adopted);
      if (check instanceof ModuleSubmissionCheck.Refused r) {
        return record(
            m, Outcome.of(r.reason()), r.reason().code() + ": " + r.message(), Optional.empty());
      }
      ModuleSubmissionCheck.Admitted a = (ModuleSubmissionCheck.Admitted) check;
      var module = a.module();
      String id = module.id().hex();
      String what = "module " + module.id().shortHex() + " (" + module.name() + ")";
      if (adopted.find(module.id()).isPresent()) {
        return record(
            m,
            Outcome.DUPLICATE,
            what + " is already adopted (expected: a module not in " + adopted.version() + ")",
            Optional.of(id));
      }
      if (!seen.add(id)) {
        return record(
            m,
            Outcome.DUPLICATE,
            what + " was submitted by another miner this epoch (expected: a module of your own)",
            Optional.of(id));
      }
      return new SubmissionRecord(
          m.uid(),
          m.hotkey(),
          m.coldkey(),
          Outcome.ADMITTED.code(),
          what,
          Optional.of(id),
          Optional.of(new SubmissionContent.Module(a.submission().module())));
    }

    private static SubmissionRecord record(
        Member m, Outcome o, String message, Optional<String> id) {
      return new SubmissionRecord(
          m.uid(), m.hotkey(), m.coldkey(), o.code(), message, id, Optional.empty());
    }

    private Optional<Reply> await(CompletableFuture<Reply> call) {
      try {
        return Optional.of(
            call.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException | ExecutionException e) {
        call.cancel(true);
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while asking miners for modules", e);
      }
    }
  }
}
