package io.aurelius.judge.data;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.JsonInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Strict access to one JSON object: unknown keys are refused, types are checked, and every error
 * names the path, e.g. {@code rubric.json: heuristics[2].weight: expected a number}.
 */
public final class Fields {
  private final JsonNode node;
  private final String at;

  private Fields(JsonNode node, String at) {
    this.node = node;
    this.at = at;
  }

  /**
   * @param at the path shown in errors
   * @param allowed the keys this object may have
   */
  public static Fields of(JsonNode node, String at, Set<String> allowed) {
    requireNonNull(node, "node");
    requireNonNull(at, "at");
    if (!node.isObject()) {
      throw new JsonInputException(at + ": not an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new JsonInputException(
            at
                + "."
                + k
                + ": unknown key (expected one of "
                + allowed.stream().sorted().toList()
                + ")");
      }
    }
    return new Fields(node, at);
  }

  public String at() {
    return at;
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  public JsonNode node(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new JsonInputException(at + "." + key + ": missing");
    }
    return v;
  }

  public String text(String key) {
    JsonNode v = node(key);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new JsonInputException(at + "." + key + ": expected a non-empty string");
    }
    return v.asText();
  }

  /** A string that may be empty. */
  public String anyText(String key) {
    JsonNode v = node(key);
    if (!v.isTextual()) {
      throw new JsonInputException(at + "." + key + ": expected a string");
    }
    return v.asText();
  }

  public int integer(String key) {
    JsonNode v = node(key);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new JsonInputException(at + "." + key + ": expected an integer");
    }
    return v.intValue();
  }

  public long longInteger(String key) {
    JsonNode v = node(key);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new JsonInputException(at + "." + key + ": expected an integer");
    }
    return v.longValue();
  }

  public double number(String key) {
    JsonNode v = node(key);
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw new JsonInputException(at + "." + key + ": expected a finite number");
    }
    return v.doubleValue();
  }

  public boolean bool(String key) {
    JsonNode v = node(key);
    if (!v.isBoolean()) {
      throw new JsonInputException(at + "." + key + ": expected true or false");
    }
    return v.booleanValue();
  }

  /** The elements of an array field, each with its path. */
  public List<Element> array(String key) {
    JsonNode v = node(key);
    if (!v.isArray()) {
      throw new JsonInputException(at + "." + key + ": expected an array");
    }
    List<Element> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      out.add(new Element(v.get(i), at + "." + key + "[" + i + "]"));
    }
    return out;
  }

  /** An array of non-empty strings. */
  public List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    for (Element e : array(key)) {
      if (!e.node().isTextual() || e.node().asText().isBlank()) {
        throw new JsonInputException(e.at() + ": expected a non-empty string");
      }
      out.add(e.node().asText());
    }
    return List.copyOf(out);
  }

  /** One array element and its path. */
  public record Element(JsonNode node, String at) {
    public Fields fields(Set<String> allowed) {
      return Fields.of(node, at, allowed);
    }
  }
}
