package io.aurelius.worldmodel.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.agent.PromptMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A chat request as it arrived, in either dialect: OpenAI's chat completions or Ollama's {@code
 * /api/chat}. Parsing failures are {@link IllegalArgumentException}s with a one-line message that
 * the server returns as a 400.
 */
record WireRequest(
    List<PromptMessage> messages,
    Optional<JsonNode> schema,
    long seed,
    Optional<String> persona,
    boolean stream) {

  static WireRequest openAi(JsonNode body) {
    requireObject(body);
    List<PromptMessage> messages = messages(body.path("messages"));
    Optional<JsonNode> schema = Optional.empty();
    JsonNode format = body.path("response_format");
    if (!format.isMissingNode() && !format.isNull()) {
      String type = format.path("type").asText("");
      switch (type) {
        case "json_schema" -> {
          JsonNode s = format.path("json_schema").path("schema");
          if (!s.isObject()) {
            throw new IllegalArgumentException(
                "response_format.json_schema.schema: missing (expected: an object)");
          }
          schema = Optional.of(s);
        }
        case "json_object" -> schema = Optional.of(Json.newObject().put("type", "object"));
        case "text" -> schema = Optional.empty();
        default ->
            throw new IllegalArgumentException(
                "response_format.type: '"
                    + type
                    + "' (expected: text, json_object or json_schema)");
      }
    }
    return new WireRequest(
        messages,
        schema,
        seed(body.path("seed")),
        persona(body),
        body.path("stream").asBoolean(false));
  }

  static WireRequest ollama(JsonNode body) {
    requireObject(body);
    List<PromptMessage> messages = messages(body.path("messages"));
    JsonNode format = body.path("format");
    Optional<JsonNode> schema =
        format.isObject()
            ? Optional.of(format)
            : format.isTextual() && format.textValue().equals("json")
                ? Optional.of(Json.newObject().put("type", "object"))
                : Optional.empty();
    return new WireRequest(
        messages,
        schema,
        seed(body.path("options").path("seed")),
        persona(body),
        body.path("stream").asBoolean(true));
  }

  private static void requireObject(JsonNode body) {
    if (!body.isObject()) {
      throw new IllegalArgumentException(
          "body: " + body.getNodeType() + " (expected: a JSON object)");
    }
  }

  private static long seed(JsonNode seed) {
    if (seed.isMissingNode() || seed.isNull()) {
      return 0;
    }
    if (!seed.isIntegralNumber()) {
      throw new IllegalArgumentException("seed: " + seed + " (expected: an integer)");
    }
    return seed.asLong();
  }

  private static Optional<String> persona(JsonNode body) {
    JsonNode p = body.path("aurelius_persona");
    return p.isTextual() ? Optional.of(p.textValue()) : Optional.empty();
  }

  private static List<PromptMessage> messages(JsonNode array) {
    if (!array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException(
          "messages: "
              + (array.isMissingNode() ? "missing" : array.getNodeType())
              + " (expected: a non-empty array)");
    }
    if (array.size() > 256) {
      throw new IllegalArgumentException("messages: " + array.size() + " (expected: at most 256)");
    }
    List<PromptMessage> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode m = array.get(i);
      String role = m.path("role").asText("").toLowerCase(Locale.ROOT);
      PromptMessage.Role r =
          switch (role) {
            case "system", "developer" -> PromptMessage.Role.SYSTEM;
            case "user" -> PromptMessage.Role.USER;
            case "assistant" -> PromptMessage.Role.ASSISTANT;
            case "tool" -> null;
            default ->
                throw new IllegalArgumentException(
                    "messages["
                        + i
                        + "].role: '"
                        + role
                        + "' (expected: system, user, assistant or tool)");
          };
      if (r != null) {
        out.add(new PromptMessage(r, content(m.path("content"), i)));
      }
    }
    return out;
  }

  private static String content(JsonNode content, int i) {
    if (content.isTextual()) {
      return content.textValue();
    }
    if (content.isNull() || content.isMissingNode()) {
      return "";
    }
    if (content.isArray()) {
      StringBuilder b = new StringBuilder();
      for (JsonNode part : content) {
        if (part.path("type").asText("").equals("text")) {
          b.append(part.path("text").asText(""));
        }
      }
      return b.toString();
    }
    throw new IllegalArgumentException(
        "messages["
            + i
            + "].content: "
            + content.getNodeType()
            + " (expected: a string or an array of parts)");
  }
}
