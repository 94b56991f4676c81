package io.aurelius.miner.service;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.submission.MalformedSubmissionException;
import io.aurelius.config.submission.Submission;
import io.aurelius.config.submission.SubmissionQuery;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import io.aurelius.core.transport.InboundCall;
import io.aurelius.core.transport.RouteHandler;
import java.time.Clock;
import java.util.List;

/**
 * Answers {@code miner/query}: reads the {@link SubmissionQuery} strictly, checks that the
 * validator it names is the sender, and returns a {@link Submission} of the configuration the
 * {@link Rotation} picks among those that fit the query's {@code max_bytes} (the next one in
 * rotation order when the picked one is too large). Refusals are 400 (malformed query) or 422
 * (wrong sender, nothing to serve, nothing small enough), each with a one-line reason.
 */
final class QueryHandler implements RouteHandler {
  static final String ROUTE = SubmissionQuery.ROUTE;

  private final ServedLibrary library;
  private final KeyId miner;
  private final MinerMetrics metrics;
  private final Clock clock;
  private final Handouts handouts;

  QueryHandler(
      ServedLibrary library, KeyId miner, MinerMetrics metrics, Clock clock, Handouts handouts) {
    this.handouts = requireNonNull(handouts, "handouts");
    this.library = requireNonNull(library, "library");
    this.miner = requireNonNull(miner, "miner");
    this.metrics = requireNonNull(metrics, "metrics");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public Object handle(InboundCall call) {
    SubmissionQuery query;
    try {
      query = SubmissionQuery.fromJson(call.body());
    } catch (MalformedSubmissionException e) {
      throw refuse(MinerMetrics.Outcome.MALFORMED, ProtocolStatus.BAD_REQUEST, e.getMessage());
    }
    if (!query.validator().equals(call.sender())) {
      throw refuse(
          MinerMetrics.Outcome.WRONG_SENDER,
          ProtocolStatus.UNPROCESSABLE,
          "query.validator: "
              + query.validator()
              + " (expected: the sender, "
              + call.sender()
              + ")");
    }
    List<ServedLibrary.Servable> servable = library.current().servable();
    if (servable.isEmpty()) {
      throw refuse(
          MinerMetrics.Outcome.NOTHING_TO_SERVE,
          ProtocolStatus.UNPROCESSABLE,
          "miner "
              + miner.shortForm()
              + " has no configuration to serve (expected: a library "
              + "with at least one valid configuration)");
    }
    ServedLibrary.Servable picked = pick(servable, query);
    metrics.query(MinerMetrics.Outcome.SERVED);
    long now = clock.millis();
    handouts.add(
        new MinerView.Handout(
            query.epoch(), query.validator().address(), picked.id().toString(), now));
    return new Submission(
            query.epoch(), miner, query.validator(), picked.id(), picked.signed(), now)
        .toJson();
  }

  private ServedLibrary.Servable pick(
      List<ServedLibrary.Servable> servable, SubmissionQuery query) {
    int start = Rotation.start(query.epoch(), query.validator(), servable.size());
    int smallest = Integer.MAX_VALUE;
    for (int i = 0; i < servable.size(); i++) {
      ServedLibrary.Servable candidate = servable.get((start + i) % servable.size());
      if (candidate.signedBytes() <= query.maxBytes()) {
        return candidate;
      }
      smallest = Math.min(smallest, candidate.signedBytes());
    }
    throw refuse(
        MinerMetrics.Outcome.TOO_SMALL,
        ProtocolStatus.UNPROCESSABLE,
        "query.max_bytes: "
            + query.maxBytes()
            + " (expected: at least "
            + smallest
            + ", the smallest configuration this miner serves)");
  }

  private CallRefusedException refuse(
      MinerMetrics.Outcome outcome, ProtocolStatus status, String message) {
    metrics.query(outcome);
    return new CallRefusedException(status, message);
  }
}
