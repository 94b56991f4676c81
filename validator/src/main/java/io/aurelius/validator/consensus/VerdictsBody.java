package io.aurelius.validator.consensus;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.protocol.ProtocolStatus;
import io.aurelius.core.transport.CallRefusedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The envelope of a {@code validator/verdicts} body, checked before anything in it is used, as
 * strictly as a record read by {@code InboundCall.bodyAs} is: an object with exactly the members
 * its {@code kind} allows, an {@code epoch} written as a non-negative integer ({@code 24.0} and
 * {@code 1e400} are not), and {@code final} a boolean. A body that breaks one is refused 400 with
 * one line; the content's own rules (a verdict that does not verify, an epoch too far away) stay
 * 422.
 */
record VerdictsBody(String kind, long epoch, JsonNode json) {
  private static final Map<String, List<String>> MEMBERS =
      Map.of(
          "proposals", List.of("epoch", "kind", "items"),
          "poll", List.of("epoch", "kind", "after"),
          "certificate", List.of("epoch", "kind", "verdicts", "final"));

  static VerdictsBody parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw bad(
          "verdicts: "
              + (body == null ? "missing" : body.getNodeType())
              + " (expected: an object)");
    }
    JsonNode k = body.get("kind");
    List<String> members = k != null && k.isTextual() ? MEMBERS.get(k.asText()) : null;
    if (members == null) {
      throw bad(
          "verdicts.kind: "
              + (k == null ? "missing" : shorten(k.toString()))
              + " (expected: proposals, poll or certificate)");
    }
    Optional<String> unknown =
        java.util.stream.StreamSupport.stream(
                java.util.Spliterators.spliteratorUnknownSize(body.fieldNames(), 0), false)
            .filter(f -> !members.contains(f))
            .findFirst();
    if (unknown.isPresent()) {
      throw bad(
          "verdicts."
              + shorten(unknown.get())
              + ": unknown member (expected: "
              + String.join(", ", members)
              + " for kind "
              + k.asText()
              + ")");
    }
    JsonNode e = body.get("epoch");
    if (e == null || !e.isIntegralNumber() || !e.canConvertToLong() || e.asLong() < 0) {
      throw bad(
          "verdicts.epoch: "
              + (e == null
                  ? "missing"
                  : e.isNumber() && !e.isIntegralNumber()
                      ? "a decimal number"
                      : shorten(e.toString()))
              + " (expected: an epoch number, an integer of 0 or more)");
    }
    JsonNode fin = body.get("final");
    if (fin != null && !fin.isBoolean()) {
      throw bad("verdicts.final: " + shorten(fin.toString()) + " (expected: true or false)");
    }
    return new VerdictsBody(k.asText(), e.asLong(), body);
  }

  boolean isFinal() {
    return json.path("final").asBoolean(false);
  }

  private static CallRefusedException bad(String message) {
    return new CallRefusedException(ProtocolStatus.BAD_REQUEST, message);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
