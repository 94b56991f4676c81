package io.aurelius.core.transport.netty;

import io.aurelius.core.protocol.ProtocolHeaders;
import io.aurelius.core.protocol.ProtocolIdentity;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.Refusal;
import io.aurelius.core.protocol.StakePriorityExecutor;
import io.aurelius.core.transport.OutgoingResponse;
import io.aurelius.core.transport.PlainHttpRequest;
import io.aurelius.core.transport.PlainHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a fully read call to the node's workers: signed calls to the stake-priority pool (503 when
 * it will not take them, 408 when they waited too long), plain calls to their lane's pool (503 when
 * full). Exactly one answer reaches {@code answer}, from whichever thread.
 */
final class CallDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(CallDispatcher.class);
  private final ServerContext server;

  CallDispatcher(ServerContext server) {
    this.server = server;
  }

  void dispatch(PendingCall call, byte[] body, Consumer<OutgoingResponse> answer) {
    if (call instanceof PendingCall.Signed signed) {
      if (!server
          .protocolWorkers()
          .submit(signed.admitted().stake(), new SignedJob(signed, body, answer))) {
        answer.accept(
            refusal(
                signed,
                ProtocolStatus.UNAVAILABLE,
                "QueueFull",
                "server busy: work queue full of calls with at least as much stake"));
      }
      return;
    }
    PendingCall.Plain plain = (PendingCall.Plain) call;
    try {
      server.workersFor(plain.route()).execute(() -> answer.accept(servePlain(plain, body)));
    } catch (RejectedExecutionException e) {
      answer.accept(
          refusal(
              plain,
              ProtocolStatus.UNAVAILABLE,
              "LaneFull",
              "server busy: "
                  + plain.route().lane().name().toLowerCase(Locale.ROOT)
                  + " HTTP queue full"));
    }
  }

  private OutgoingResponse refusal(
      PendingCall call, ProtocolStatus status, String reason, String message) {
    return server
        .processor()
        .refusal(
            call.routeLabel(),
            Refusal.of(status, reason, message),
            call.binding(),
            call.requestId());
  }

  /** Runs a signed call on a protocol worker, or answers why it never ran. */
  private final class SignedJob implements StakePriorityExecutor.Job {
    private final PendingCall.Signed call;
    private final byte[] body;
    private final Consumer<OutgoingResponse> answer;

    SignedJob(PendingCall.Signed call, byte[] body, Consumer<OutgoingResponse> answer) {
      this.call = call;
      this.body = body;
      this.answer = answer;
    }

    @Override
    public void run(long waitedNanos) {
      OutgoingResponse response;
      try {
        response =
            server
                .processor()
                .process(
                    call.route(),
                    call.admitted(),
                    ProtocolIdentity.METHOD,
                    call.target(),
                    body,
                    call.requestId());
      } catch (RuntimeException | Error e) {
        LOG.error("signed call failed (request id {})", call.requestId(), e);
        response =
            server.processor().internalError(call.routeLabel(), call.binding(), call.requestId());
      }
      answer.accept(response);
    }

    @Override
    public void expired(long waitedNanos) {
      answer.accept(
          refusal(
              call,
              ProtocolStatus.REQUEST_TIMEOUT,
              "QueueWait",
              "waited "
                  + waitedNanos / 1_000_000
                  + " ms for a worker (limit "
                  + server.spec().limits().maxQueueWait().toMillis()
                  + " ms)"));
    }

    @Override
    public void evicted() {
      answer.accept(
          refusal(
              call,
              ProtocolStatus.UNAVAILABLE,
              "Evicted",
              "server busy: pushed out of the work queue by calls with more stake"));
    }
  }

  private OutgoingResponse servePlain(PendingCall.Plain call, byte[] body) {
    PlainHttpResponse response;
    try {
      response =
          call.route()
              .handler()
              .handle(
                  new PlainHttpRequest(
                      call.method(),
                      call.path(),
                      call.query(),
                      call.headers(),
                      body,
                      call.remoteAddress()));
    } catch (Exception | Error e) {
      LOG.error("plain route {} failed (request id {})", call.path(), call.requestId(), e);
      return server
          .processor()
          .internalError(call.routeLabel(), Optional.empty(), call.requestId());
    }
    server.metrics().plainAnswered(call.routeLabel(), response.status(), firstLine(response));
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    headers.put(ProtocolHeaders.REQUEST_ID, call.requestId());
    return new OutgoingResponse(response.status(), headers, response.body(), response.stream());
  }

  /** The start of a plain error answer's text, for the refusal log. */
  private static String firstLine(PlainHttpResponse response) {
    if (response.status() < 400
        || !response.headers().getOrDefault("content-type", "").startsWith("text/")) {
      return "";
    }
    String text =
        new String(
            response.body(), 0, Math.min(response.body().length, 200), StandardCharsets.UTF_8);
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
