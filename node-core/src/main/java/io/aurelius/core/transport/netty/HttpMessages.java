package io.aurelius.core.transport.netty;

import io.aurelius.core.transport.OutgoingResponse;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Conversions between Netty's HTTP messages and the transport's own types. */
final class HttpMessages {
  private HttpMessages() {}

  static FullHttpResponse toHttp(OutgoingResponse response, boolean keepAlive) {
    FullHttpResponse http =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(response.status()),
            Unpooled.wrappedBuffer(response.body()));
    response.headers().forEach((name, value) -> http.headers().set(name, value));
    http.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
    http.headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    return http;
  }

  /** The head of a streamed answer: chunked, no Content-Length. */
  static HttpResponse toHttpHead(OutgoingResponse response, boolean keepAlive) {
    HttpResponse http =
        new DefaultHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()));
    response.headers().forEach((name, value) -> http.headers().set(name, value));
    http.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    HttpUtil.setTransferEncodingChunked(http, true);
    http.headers()
        .set(
            HttpHeaderNames.CONNECTION,
            keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    return http;
  }

  static FullHttpResponse continueResponse() {
    return new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);
  }

  /** The declared body length: Content-Length, 0 if absent, -1 if chunked. */
  static long declaredLength(HttpRequest head) {
    if (HttpUtil.isTransferEncodingChunked(head)) {
      return -1;
    }
    return HttpUtil.getContentLength(head, 0L);
  }

  /** Lowercase names; repeated headers joined with {@code ", "}. */
  static Map<String, String> headerMap(HttpRequest head) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : head.headers()) {
      map.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + ", " + b);
    }
    return map;
  }

  /** A request-supplied string made safe for a one-line message. */
  static String shorten(String s) {
    String oneLine = s.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }
}
