package io.aurelius.core.transport.netty;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.core.protocol.ProtocolClock;
import io.aurelius.core.protocol.ProtocolHeaders;
import io.aurelius.core.protocol.ResponseCheck;
import io.aurelius.core.transport.Reply;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The client end of one pooled connection: matches the answer to the exchange in flight, verifies
 * it ({@link ResponseCheck}) and turns it into a {@link Reply}. Used only on its event loop.
 */
final class ClientResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
  private static final JsonLimits ERROR_BODY = new JsonLimits(64 * 1024, 8, 4096);

  private final ProtocolClock clock;
  private ClientExchange exchange;

  ClientResponseHandler(ProtocolClock clock) {
    this.clock = clock;
  }

  private ScheduledFuture<?> timeout;

  /** Starts an exchange; must run on the channel's event loop. */
  void begin(ChannelHandlerContext ctx, ClientExchange next, long timeoutNanos) {
    exchange = next;
    timeout =
        ctx.executor()
            .schedule(
                () ->
                    fail(
                        ctx,
                        Reply.Failure.TIMEOUT,
                        "no answer from "
                            + next.peer()
                            + " within "
                            + timeoutNanos / 1_000_000
                            + " ms"),
                timeoutNanos,
                TimeUnit.NANOSECONDS);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
    ClientExchange current = exchange;
    if (current == null) {
      ctx.close(); // an answer nobody asked for: the connection cannot be trusted
      return;
    }
    byte[] body = ByteBufUtil.getBytes(response.content());
    if (response.decoderResult().isFailure()) {
      fail(
          ctx,
          Reply.Failure.MALFORMED,
          "malformed answer from " + current.peer() + ": " + response.decoderResult().cause());
      return;
    }
    int status = response.status().code();
    ResponseCheck.Result check =
        ResponseCheck.check(
            current.expected(),
            name -> response.headers().getAll(name),
            body,
            clock,
            ResponseCheck.DEFAULT_ALLOWED_SKEW);
    Optional<String> requestId =
        Optional.ofNullable(response.headers().get(ProtocolHeaders.REQUEST_ID));
    Reply reply;
    if (check instanceof ResponseCheck.Result.Invalid invalid) {
      reply = new Reply.Failed(Reply.Failure.UNVERIFIED, invalid.reason());
    } else if (status / 100 == 2) {
      reply =
          check instanceof ResponseCheck.Result.Valid
              ? new Reply.Ok(status, body, requestId.orElse(""))
              : new Reply.Failed(
                  Reply.Failure.UNVERIFIED,
                  "unsigned " + status + " answer from " + current.peer());
    } else {
      reply =
          new Reply.Refused(
              status,
              errorMessage(response, body),
              requestId,
              check instanceof ResponseCheck.Result.Valid);
    }
    end();
    current.finish(ctx.channel(), reply, HttpUtil.isKeepAlive(response));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (exchange != null) {
      fail(ctx, Reply.Failure.CLOSED, exchange.peer() + " closed the connection before answering");
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (exchange == null) {
      ctx.close();
      return;
    }
    if (cause instanceof TooLongFrameException) {
      fail(
          ctx,
          Reply.Failure.MALFORMED,
          "answer from "
              + exchange.peer()
              + " is larger than the client accepts: "
              + cause.getMessage());
    } else {
      fail(ctx, Reply.Failure.CLOSED, "connection to " + exchange.peer() + " failed: " + cause);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && exchange == null) {
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  void fail(ChannelHandlerContext ctx, Reply.Failure failure, String message) {
    ClientExchange current = exchange;
    if (current == null) {
      return;
    }
    end();
    current.finish(ctx.channel(), new Reply.Failed(failure, message), false);
  }

  private void end() {
    exchange = null;
    if (timeout != null) {
      timeout.cancel(false);
      timeout = null;
    }
  }

  private static String errorMessage(FullHttpResponse response, byte[] body) {
    try {
      JsonNode node = Json.parse(body, "error body", ERROR_BODY);
      JsonNode error = node.get("error");
      if (error != null && error.isTextual()) {
        return error.textValue();
      }
    } catch (JsonInputException e) {
      // not the protocol's error body; fall back to the text
    }
    String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).strip();
    String firstLine = text.lines().findFirst().orElse("");
    return firstLine.isEmpty() ? response.status().reasonPhrase() : firstLine;
  }
}
