package io.aurelius.worldmodel.agent.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.worldmodel.agent.endpoint.EndpointFailure;
import io.aurelius.worldmodel.agent.endpoint.EndpointFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Maps what LangChain4j throws to a classified {@link EndpointFailure} with a one-line message. */
final class Failures {
  private Failures() {}

  static EndpointFailure classify(RuntimeException e, Duration timeout) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        return byStatus(h.statusCode(), h.getMessage(), e);
      }
      if (t instanceof RateLimitException) {
        return new EndpointFailure(Kind.RATE_LIMITED, "429 rate limited", e);
      }
      if (t instanceof InternalServerException) {
        return new EndpointFailure(
            Kind.SERVER_ERROR, "5xx server error: " + brief(t.getMessage()), e);
      }
      if (t instanceof TimeoutException
          || t instanceof HttpTimeoutException
          || t instanceof java.util.concurrent.TimeoutException) {
        return new EndpointFailure(
            Kind.TIMEOUT, "no answer within " + timeout.toMillis() + " ms", e);
      }
      if (t instanceof AuthenticationException
          || t instanceof ModelNotFoundException
          || t instanceof InvalidRequestException
          || t instanceof ContentFilteredException) {
        return new EndpointFailure(Kind.REJECTED, "request refused: " + brief(t.getMessage()), e);
      }
      if (t instanceof ConnectException) {
        return new EndpointFailure(
            Kind.UNREACHABLE, "unreachable: ConnectException: " + brief(t.getMessage()), e);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return new EndpointFailure(
            Kind.UNREACHABLE,
            "connection failed: " + t.getClass().getSimpleName() + ": " + brief(t.getMessage()),
            e);
      }
    }
    return new EndpointFailure(
        Kind.SERVER_ERROR,
        "unreadable answer: " + e.getClass().getSimpleName() + ": " + brief(e.getMessage()),
        e);
  }

  private static EndpointFailure byStatus(int status, String body, RuntimeException e) {
    String line = status + " " + brief(body);
    if (status == 429) {
      return new EndpointFailure(Kind.RATE_LIMITED, "429 rate limited", e);
    }
    if (status == 408) {
      return new EndpointFailure(Kind.TIMEOUT, line, e);
    }
    if (status >= 500) {
      return new EndpointFailure(Kind.SERVER_ERROR, line, e);
    }
    return new EndpointFailure(Kind.REJECTED, line, e);
  }

  /**
   * A message on one line, short; an error body in OpenAI or Ollama form is reduced to its message.
   */
  static String brief(String message) {
    if (message == null || message.isBlank()) {
      return "no detail";
    }
    String m = message.strip();
    if (m.startsWith("{") && m.length() < 64 * 1024) {
      try {
        JsonNode body = Json.parse(m, "error body", new JsonLimits(64 * 1024, 16, 16 * 1024));
        JsonNode text =
            body.path("error").isTextual()
                ? body.path("error")
                : body.path("error").path("message");
        if (text.isTextual()) {
          message = text.textValue();
        }
      } catch (JsonInputException e) {
        // not JSON after all: keep the raw text
      }
    }
    String line = message.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ");
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
