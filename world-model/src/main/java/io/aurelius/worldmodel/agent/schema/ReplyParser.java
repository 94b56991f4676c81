package io.aurelius.worldmodel.agent.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.worldmodel.agent.Decision;
import io.aurelius.worldmodel.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a model's raw text against the schema it was given. Strict: exactly the keys the schema
 * names, a named action, every parameter present and within its bounds. The one leniency is the
 * wrapping models commonly add: a Markdown code fence or prose around a single JSON object.
 */
public final class ReplyParser {
  /** Replies larger than this are refused unread. */
  public static final int MAX_REPLY_BYTES = 256 * 1024;

  private static final JsonLimits LIMITS = new JsonLimits(MAX_REPLY_BYTES, 8, 128 * 1024);

  private ReplyParser() {}

  public static ParsedReply parse(String raw, ReplySchema schema) {
    requireNonNull(raw, "raw");
    requireNonNull(schema, "schema");
    int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_REPLY_BYTES) {
      return illegal("reply: " + bytes + " bytes (expected: at most " + MAX_REPLY_BYTES + ")");
    }
    Optional<String> json = extractObject(raw);
    if (json.isEmpty()) {
      return illegal(
          "reply: no JSON object found (expected: {\"reasoning\": ..., \"action\": {...}})");
    }
    JsonNode root;
    try {
      root = Json.parse(json.get(), "reply", LIMITS);
    } catch (JsonInputException e) {
      return illegal(e.getMessage());
    }
    Optional<String> unexpected = unexpectedKey(root, "reply", "reasoning", "action");
    if (unexpected.isPresent()) {
      return illegal(unexpected.get());
    }
    JsonNode reasoning = root.get("reasoning");
    if (reasoning == null || !reasoning.isTextual()) {
      return illegal("reply.reasoning: " + describe(reasoning) + " (expected: a string)");
    }
    if (reasoning.textValue().length() > schema.maxReasoningChars()) {
      return illegal(
          "reply.reasoning: "
              + reasoning.textValue().length()
              + " chars (expected: at most "
              + schema.maxReasoningChars()
              + ")");
    }
    if (reasoning.textValue().isBlank()) {
      return illegal("reply.reasoning: blank (expected: the reasoning behind the action)");
    }
    JsonNode action = root.get("action");
    if (action == null || !action.isObject()) {
      return illegal(
          "reply.action: " + describe(action) + " (expected: an object with name and params)");
    }
    unexpected = unexpectedKey(action, "reply.action", "name", "params");
    if (unexpected.isPresent()) {
      return illegal(unexpected.get());
    }
    JsonNode name = action.get("name");
    Optional<ActionChoice> choice =
        name != null && name.isTextual() ? schema.action(name.textValue()) : Optional.empty();
    if (choice.isEmpty()) {
      return illegal(
          "reply.action.name: "
              + describe(name)
              + " (expected: one of "
              + schema.actions().stream().map(ActionChoice::name).toList()
              + ")");
    }
    JsonNode params = action.get("params");
    if (params == null && choice.get().params().isEmpty()) {
      params = Json.newObject();
    }
    if (params == null || !params.isObject()) {
      return illegal("reply.action.params: " + describe(params) + " (expected: an object)");
    }
    Map<String, Value> values = new LinkedHashMap<>();
    for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!choice.get().params().containsKey(key)) {
        return illegal(
            "reply.action.params."
                + key
                + ": not a parameter of "
                + choice.get().name()
                + " (expected: "
                + choice.get().params().keySet()
                + ")");
      }
    }
    for (Map.Entry<String, ParamSpec> p : choice.get().params().entrySet()) {
      String where = "reply.action.params." + p.getKey();
      JsonNode node = params.get(p.getKey());
      if (node == null) {
        return illegal(where + ": missing (expected: " + p.getValue().expected() + ")");
      }
      Optional<Value> value = Value.fromJson(node, p.getValue().type());
      Optional<String> problem =
          value.isEmpty() ? Optional.of(p.getValue().expected()) : p.getValue().check(value.get());
      if (problem.isPresent()) {
        return illegal(where + ": " + describe(node) + " (expected: " + problem.get() + ")");
      }
      values.put(p.getKey(), value.get());
    }
    return new ParsedReply.Legal(new Decision(reasoning.textValue(), choice.get().name(), values));
  }

  /** The single JSON object in {@code raw}, unwrapping a code fence or surrounding prose. */
  static Optional<String> extractObject(String raw) {
    String text = raw.strip();
    if (text.startsWith("```")) {
      int firstNewline = text.indexOf('\n');
      int closing = text.lastIndexOf("```");
      if (firstNewline > 0 && closing > firstNewline) {
        text = text.substring(firstNewline + 1, closing).strip();
      }
    }
    if (text.startsWith("{") && text.endsWith("}")) {
      return Optional.of(text);
    }
    int open = text.indexOf('{');
    int close = text.lastIndexOf('}');
    return open >= 0 && close > open
        ? Optional.of(text.substring(open, close + 1))
        : Optional.empty();
  }

  private static Optional<String> unexpectedKey(JsonNode node, String where, String... allowed) {
    if (!node.isObject()) {
      return Optional.of(where + ": " + describe(node) + " (expected: an object)");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!java.util.List.of(allowed).contains(key)) {
        return Optional.of(
            where
                + "."
                + shorten(key)
                + ": unexpected key (expected only: "
                + String.join(", ", allowed)
                + ")");
      }
    }
    return Optional.empty();
  }

  private static String describe(JsonNode node) {
    if (node == null) {
      return "missing";
    }
    if (node.isTextual()) {
      return "'" + shorten(node.textValue()) + "'";
    }
    if (node.isContainerNode()) {
      return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
    return shorten(node.toString());
  }

  private static String shorten(String s) {
    String oneLine = s.replaceAll("\\s+", " ");
    return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
  }

  private static ParsedReply illegal(String reason) {
    return new ParsedReply.Illegal(reason);
  }
}
