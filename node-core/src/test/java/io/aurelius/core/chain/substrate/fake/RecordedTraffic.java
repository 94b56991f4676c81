package io.aurelius.core.chain.substrate.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.chain.substrate.SubtensorRecordings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The answers of recorded operations: JSON-RPC method and params → response ({@code cycle} entries
 * answered in turn). Params match after normalisation: hex strings compare without their case or
 * {@code 0x} prefix (a Substrate node accepts both) and trailing {@code null}s are dropped (an
 * absent optional block). The node's metadata comes from the recorded metadata files: {@code
 * state_getMetadata} answers V14, {@code state_call("Metadata_metadata_at_version", 15)} V15.
 */
public final class RecordedTraffic {
  private static final Pattern HEX = Pattern.compile("(0x)?([0-9a-fA-F]{2})*");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, Answer> answers = new HashMap<>();
  private final List<String> operations;

  private RecordedTraffic(List<String> operations) {
    this.operations = List.copyOf(operations);
  }

  /**
   * The recorded traffic of {@code operations}; where two record the same request, the first listed
   * answers it.
   */
  public static RecordedTraffic of(String... operations) {
    RecordedTraffic t = new RecordedTraffic(List.of(operations));
    JsonNode all = SubtensorRecordings.all();
    for (String op : operations) {
      JsonNode methods = all.get(op);
      if (methods == null) {
        throw new IllegalArgumentException("operation '" + op + "' is not recorded");
      }
      methods
          .properties()
          .forEach(
              m ->
                  m.getValue()
                      .properties()
                      .forEach(
                          p -> {
                            String key = key(m.getKey(), parse(p.getKey()));
                            t.answers.putIfAbsent(key, new Answer(p.getValue()));
                          }));
    }
    return t;
  }

  /**
   * Adds an answer the recordings lack (e.g. finney's genesis hash, which the SDK's settings name
   * but no recorded operation asked); a test that uses it says why.
   */
  public RecordedTraffic with(String method, String params, JsonNode result) {
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    response.set("result", result);
    answers.put(key(method, parse(params)), new Answer(response));
    return this;
  }

  public List<String> operations() {
    return operations;
  }

  /** The recorded response object ({@code result} or {@code error}) of a request, if any. */
  public Optional<JsonNode> answer(String method, JsonNode params) {
    if (method.equals("state_getMetadata")) {
      return Optional.of(result(SubtensorRecordings.metadataV14Bytes().toPrefixedHex()));
    }
    if (method.equals("state_call")
        && params.size() >= 2
        && params.get(0).asText().equals("Metadata_metadata_at_version")) {
      return Optional.of(
          normalHex(params.get(1).asText()).equals("0x0f000000")
              ? result(SubtensorRecordings.metadataV15Bytes().toPrefixedHex())
              : result("0x00"));
    }
    Answer a = answers.get(key(method, params));
    return a == null ? Optional.empty() : Optional.of(a.next());
  }

  private static ObjectNode result(String hex) {
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("result", hex);
    return r;
  }

  static String key(String method, JsonNode params) {
    ArrayNode normal = JsonNodeFactory.instance.arrayNode();
    params.forEach(
        p ->
            normal.add(
                p.isTextual() ? JsonNodeFactory.instance.textNode(normalHex(p.asText())) : p));
    while (!normal.isEmpty() && normal.get(normal.size() - 1).isNull()) {
      normal.remove(normal.size() - 1);
    }
    return method + " " + normal;
  }

  private static String normalHex(String s) {
    if (!s.isEmpty() && HEX.matcher(s).matches()) {
      return "0x" + (s.startsWith("0x") ? s.substring(2) : s).toLowerCase(java.util.Locale.ROOT);
    }
    return s;
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("recorded params are not JSON: " + json, e);
    }
  }

  /** One request's response, or its responses in turn. */
  private static final class Answer {
    private final List<JsonNode> responses = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    Answer(JsonNode recorded) {
      if (recorded.has("cycle")) {
        recorded.get("cycle").forEach(responses::add);
      } else {
        responses.add(recorded);
      }
    }

    JsonNode next() {
      return responses.get(Math.floorMod(next.getAndIncrement(), responses.size()));
    }
  }
}
