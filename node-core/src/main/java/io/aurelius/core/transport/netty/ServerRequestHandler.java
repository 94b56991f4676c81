package io.aurelius.core.transport.netty;

import static io.aurelius.core.transport.TransportMetrics.UNKNOWN_ROUTE;
import static io.aurelius.core.transport.netty.HttpMessages.shorten;

import io.aurelius.core.protocol.GateDecision;
import io.aurelius.core.protocol.ProtocolHeaders;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.protocol.Refusal;
import io.aurelius.core.protocol.ResponseBinding;
import io.aurelius.core.transport.CallProcessor;
import io.aurelius.core.transport.OutgoingResponse;
import io.aurelius.core.transport.PlainRoute;
import io.aurelius.core.transport.ProtocolRoute;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's request state machine, always on its event loop. A request head is routed
 * (404/405) and, for a signed route, passed through the header checks of the {@link
 * io.aurelius.core.protocol.RequestGate} (401/403/413) before any of its body is read; the body is
 * then copied into a bounded buffer and the call handed to the {@link CallDispatcher}, whose worker
 * checks the signature (no signature is checked on the event loop). Reading pauses until the answer
 * is written, so pipelined requests are answered in order. A refused request is answered at once
 * with {@code Connection: close}; the rest of its body is read and dropped (bounded) so the client
 * sees the answer rather than a reset, then the connection closes. Every refusal names its route
 * (from the route table, or {@code unknown}) and reason, for the server's metrics and log.
 */
final class ServerRequestHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ServerRequestHandler.class);

  /** Body bytes a refused request may still send before the connection is cut. */
  private static final long DISCARD_CAP = 64L << 20;

  private static final int MAX_PIPELINED = 64;

  private enum State {
    IDLE,
    READING,
    DISCARDING,
    IN_FLIGHT
  }

  private final ServerContext server;
  private final CallDispatcher dispatcher;
  private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private State state = State.IDLE;
  private PendingCall current;
  private long discarded;
  private ChannelFuture refusalWritten;
  private boolean closeAfterResponse;

  ServerRequestHandler(ServerContext server) {
    this.server = server;
    this.dispatcher = new CallDispatcher(server);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (state == State.IN_FLIGHT) {
      if (pipelined.size() >= MAX_PIPELINED) {
        ReferenceCountUtil.release(msg);
        ctx.close();
        return;
      }
      pipelined.add(msg); // keeps the reference until it is handled
      return;
    }
    try {
      handle(msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void handle(Object msg) {
    if (state == State.DISCARDING && msg instanceof HttpRequest) {
      return; // a request pipelined behind a refused one: the connection is closing
    }
    if (msg instanceof HttpRequest head) {
      onHead(head);
    }
    if (msg instanceof HttpContent content) {
      onContent(content);
    }
  }

  private void onHead(HttpRequest head) {
    String requestId = CallProcessor.newRequestId();
    boolean noBody = HttpUtil.is100ContinueExpected(head);
    if (head.decoderResult().isFailure()) {
      server.metrics().requested(UNKNOWN_ROUTE);
      Throwable cause = head.decoderResult().cause();
      String detail =
          cause == null || cause.getMessage() == null
              ? "unparseable"
              : cause.getMessage().lines().findFirst().orElse("unparseable");
      refuse(
          UNKNOWN_ROUTE,
          ProtocolStatus.BAD_REQUEST,
          "MalformedHttp",
          "malformed HTTP request: " + shorten(detail),
          Optional.empty(),
          requestId,
          true);
      return;
    }
    String uri = head.uri();
    if (!uri.startsWith("/")) {
      server.metrics().requested(UNKNOWN_ROUTE);
      refuse(
          UNKNOWN_ROUTE,
          ProtocolStatus.BAD_REQUEST,
          "BadTarget",
          "request target '" + shorten(uri) + "' (expected: an absolute path like /v1/<route>)",
          Optional.empty(),
          requestId,
          noBody);
      return;
    }
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    String query = q < 0 ? "" : uri.substring(q + 1);
    Optional<ProtocolRoute> signed = server.spec().routes().signed(path);
    if (signed.isPresent()) {
      server.metrics().requested(signed.get().name());
      onSignedHead(head, signed.get(), query, requestId, noBody);
      return;
    }
    // No plain route lives under /v1/ (PlainRoute refuses such paths): an unknown signed route is
    // 404 whatever its method, not the catch-all dashboard route's 405.
    Optional<PlainRoute> plain =
        path.startsWith(ProtocolHeaders.ROUTE_PREFIX)
            ? Optional.empty()
            : server.spec().routes().plain(path);
    if (plain.isPresent()) {
      server.metrics().requested(plain.get().path());
      onPlainHead(head, plain.get(), path, query, requestId, noBody);
      return;
    }
    server.metrics().requested(UNKNOWN_ROUTE);
    refuse(
        UNKNOWN_ROUTE,
        ProtocolStatus.NOT_FOUND,
        "NoRoute",
        "no route " + shorten(path),
        Optional.empty(),
        requestId,
        noBody);
  }

  private void onSignedHead(
      HttpRequest head, ProtocolRoute route, String query, String requestId, boolean noBody) {
    if (!head.method().equals(HttpMethod.POST)) {
      refuse(
          route.name(),
          ProtocolStatus.METHOD_NOT_ALLOWED,
          "MethodNotAllowed",
          head.method() + " " + route.path() + " (expected: POST)",
          Optional.empty(),
          requestId,
          noBody);
      return;
    }
    if (!query.isEmpty()) {
      refuse(
          route.name(),
          ProtocolStatus.BAD_REQUEST,
          "QueryString",
          "query string on " + route.path() + " (expected: none; parameters go in the signed body)",
          Optional.empty(),
          requestId,
          noBody);
      return;
    }
    long declared = HttpMessages.declaredLength(head);
    GateDecision decision =
        server.gate().admit(name -> head.headers().getAll(name), declared, route.maxBodyBytes());
    if (decision instanceof GateDecision.Refused refused) {
      refuse(route.name(), refused.refusal(), Optional.empty(), requestId, noBody);
      return;
    }
    GateDecision.Admitted admitted = (GateDecision.Admitted) decision;
    Optional<BodyBuffer> body = reserve(route.maxBodyBytes(), declared);
    if (body.isEmpty()) {
      refuse(
          route.name(),
          ProtocolStatus.UNAVAILABLE,
          "BufferBudgetFull",
          "server busy: request bodies in memory at their limit",
          Optional.empty(),
          requestId,
          noBody);
      return;
    }
    startReading(
        head,
        new PendingCall.Signed(
            route, admitted, head.uri(), requestId, HttpUtil.isKeepAlive(head), body.get()));
  }

  private void onPlainHead(
      HttpRequest head,
      PlainRoute route,
      String path,
      String query,
      String requestId,
      boolean noBody) {
    if (!route.methods().contains(head.method().name())) {
      refuse(
          route.path(),
          ProtocolStatus.METHOD_NOT_ALLOWED,
          "MethodNotAllowed",
          head.method()
              + " "
              + shorten(path)
              + " (expected: "
              + String.join(" or ", route.methods())
              + ")",
          Optional.empty(),
          requestId,
          noBody);
      return;
    }
    Optional<InetAddress> address = remoteAddress();
    if (route.lane() == PlainRoute.Lane.BULK
        && address.isPresent()
        && !server.bulkLimiter().tryAcquire(address.get())) {
      refuse(
          route.path(),
          ProtocolStatus.TOO_MANY_REQUESTS,
          "RateLimited",
          "address "
              + address.get().getHostAddress()
              + " is over the rate limit of "
              + route.path()
              + " (retry in "
              + Math.max(1, server.bulkLimiter().secondsUntilToken(address.get()))
              + " s)",
          Optional.empty(),
          requestId,
          noBody);
      return;
    }
    long declared = HttpMessages.declaredLength(head);
    if (declared > route.maxBodyBytes()) {
      refuse(
          route.path(),
          ProtocolStatus.PAYLOAD_TOO_LARGE,
          "BodyTooLarge",
          "body: " + declared + " bytes (expected: at most " + route.maxBodyBytes() + ")",
          Optional.empty(),
          requestId,
          noBody);
      return;
    }
    Optional<BodyBuffer> body = reserve(server.budgetFor(route), route.maxBodyBytes(), declared);
    if (body.isEmpty()) {
      refuse(
          route.path(),
          ProtocolStatus.UNAVAILABLE,
          "BufferBudgetFull",
          "server busy: request bodies in memory at their limit",
          Optional.empty(),
          requestId,
          noBody);
      return;
    }
    startReading(
        head,
        new PendingCall.Plain(
            route,
            head.method().name(),
            path,
            query,
            HttpMessages.headerMap(head),
            remote(),
            requestId,
            HttpUtil.isKeepAlive(head),
            body.get()));
  }

  private void startReading(HttpRequest head, PendingCall call) {
    current = call;
    state = State.READING;
    if (HttpUtil.is100ContinueExpected(head)) {
      ctx.writeAndFlush(HttpMessages.continueResponse());
    }
  }

  private void onContent(HttpContent content) {
    boolean last = content instanceof LastHttpContent;
    switch (state) {
      case READING -> {
        if (!current.body().append(content.content())) {
          PendingCall call = current;
          releaseCurrent();
          int limit = call.body().limit();
          refuse(
              call.routeLabel(),
              Refusal.of(
                  ProtocolStatus.PAYLOAD_TOO_LARGE,
                  "BodyTooLarge",
                  "body: more than " + limit + " bytes (expected: at most " + limit + ")"),
              call.binding(),
              call.requestId(),
              false);
          onContent(content); // counts toward the discard and may end it
          return;
        }
        if (last) {
          dispatch();
        }
      }
      case DISCARDING -> {
        discarded += content.content().readableBytes();
        if (discarded > DISCARD_CAP) {
          ctx.close();
        } else if (last) {
          refusalWritten.addListener(ChannelFutureListener.CLOSE);
        }
      }
      case IDLE, IN_FLIGHT -> {
        // Content with no request: what follows a malformed head; the connection is closing.
      }
    }
  }

  private void dispatch() {
    state = State.IN_FLIGHT;
    ctx.channel().config().setAutoRead(false);
    PendingCall call = current;
    dispatcher.dispatch(call, call.body().toByteArray(), response -> complete(call, response));
  }

  /** From any thread: frees the call's budget and writes its answer on the event loop. */
  private void complete(PendingCall call, OutgoingResponse response) {
    call.body().releaseBudget();
    if (response.stream().isPresent()) {
      stream(call, response);
      return;
    }
    try {
      ctx.executor().execute(() -> writeAnswer(call, response));
    } catch (RejectedExecutionException e) {
      LOG.debug("server closing; answer to request {} dropped", call.requestId());
    }
  }

  /**
   * On the worker that ran the plain handler, which stays busy until the body is sent (so a lane's
   * worker count still bounds its streams): the head and the end are written from the event loop,
   * the chunks from here with backpressure. A body that fails midway closes the connection, so the
   * client sees a broken transfer rather than a short answer.
   */
  private void stream(PendingCall call, OutgoingResponse response) {
    try {
      ctx.executor().execute(() -> writeHead(call, response));
    } catch (RejectedExecutionException e) {
      LOG.debug("server closing; answer to request {} dropped", call.requestId());
      return;
    }
    ChunkedBodyStream out = new ChunkedBodyStream(ctx, server.spec().limits().idleTimeout());
    try {
      response.stream().orElseThrow().writeTo(out);
      out.finish();
    } catch (IOException | RuntimeException e) {
      out.discard();
      LOG.debug("streamed answer to request {} cut: {}", call.requestId(), e.toString());
      ctx.close();
      return;
    } catch (Error e) {
      out.discard();
      ctx.close();
      throw e;
    }
    try {
      ctx.executor().execute(() -> finishStream(call));
    } catch (RejectedExecutionException e) {
      LOG.debug("server closing; end of request {} dropped", call.requestId());
    }
  }

  private void writeHead(PendingCall call, OutgoingResponse response) {
    if (current != call) {
      return; // the connection closed meanwhile; the chunks will fail too
    }
    ctx.writeAndFlush(HttpMessages.toHttpHead(response, call.keepAlive() && !closeAfterResponse));
    server.metrics().response(response.status());
  }

  private void finishStream(PendingCall call) {
    if (current != call) {
      return;
    }
    boolean keepAlive = call.keepAlive() && !closeAfterResponse;
    afterAnswer(ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
  }

  private void writeAnswer(PendingCall call, OutgoingResponse response) {
    if (current != call) {
      return; // the connection closed meanwhile
    }
    boolean keepAlive = call.keepAlive() && !closeAfterResponse;
    ChannelFuture written = ctx.writeAndFlush(HttpMessages.toHttp(response, keepAlive));
    server.metrics().response(response.status());
    afterAnswer(written, keepAlive);
  }

  /** After the last byte of an answer: close, or read the next request. */
  private void afterAnswer(ChannelFuture written, boolean keepAlive) {
    current = null;
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
      return;
    }
    state = State.IDLE;
    ctx.channel().config().setAutoRead(true);
    while (state != State.IN_FLIGHT && !pipelined.isEmpty()) {
      Object msg = pipelined.poll();
      try {
        handle(msg);
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }
  }

  private void refuse(
      String route,
      ProtocolStatus status,
      String reason,
      String message,
      Optional<ResponseBinding> binding,
      String requestId,
      boolean closeNow) {
    refuse(route, Refusal.of(status, reason, message), binding, requestId, closeNow);
  }

  /**
   * Answers at once and closes: immediately if no body will follow ({@code closeNow}, e.g. a client
   * waiting for 100-continue), otherwise once the rest of the body has been dropped.
   */
  private void refuse(
      String route,
      Refusal refusal,
      Optional<ResponseBinding> binding,
      String requestId,
      boolean closeNow) {
    OutgoingResponse response = server.processor().refusal(route, refusal, binding, requestId);
    server.metrics().response(response.status());
    refusalWritten = ctx.writeAndFlush(HttpMessages.toHttp(response, false));
    state = State.DISCARDING;
    discarded = 0;
    if (closeNow) {
      refusalWritten.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == RequestDeadline.EXCEEDED) {
      server.metrics().slowRequestCut();
      switch (state) {
        case IN_FLIGHT -> closeAfterResponse = true;
        case DISCARDING -> ctx.close();
        case IDLE, READING -> {
          Optional<ResponseBinding> binding =
              current == null ? Optional.empty() : current.binding();
          String requestId = current == null ? CallProcessor.newRequestId() : current.requestId();
          String route = current == null ? UNKNOWN_ROUTE : current.routeLabel();
          releaseCurrent();
          refuse(
              route,
              ProtocolStatus.REQUEST_TIMEOUT,
              "SlowRequest",
              "request not received within "
                  + server.spec().limits().requestReadTimeout().toMillis()
                  + " ms",
              binding,
              requestId,
              true);
        }
      }
      return;
    }
    if (evt instanceof IdleStateEvent) {
      if (state == State.IDLE) {
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releaseCurrent();
    while (!pipelined.isEmpty()) {
      ReferenceCountUtil.release(pipelined.poll());
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  private void releaseCurrent() {
    if (current != null) {
      current.body().releaseBudget();
      current = null;
    }
  }

  private Optional<BodyBuffer> reserve(int limit, long declared) {
    return reserve(server.budget(), limit, declared);
  }

  private Optional<BodyBuffer> reserve(BufferBudget budget, int limit, long declared) {
    long reserve = declared >= 0 ? declared : limit;
    if (!budget.tryReserve(reserve)) {
      return Optional.empty();
    }
    return Optional.of(new BodyBuffer(limit, declared, budget, reserve));
  }

  private Optional<InetAddress> remoteAddress() {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress inet
            && inet.getAddress() != null
        ? Optional.of(inet.getAddress())
        : Optional.empty();
  }

  private String remote() {
    SocketAddress address = ctx.channel().remoteAddress();
    return address == null ? "" : address.toString();
  }
}
