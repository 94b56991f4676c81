package io.aurelius.judge.prompt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import io.aurelius.judge.rubric.Criterion;
import io.aurelius.judge.rubric.Rubric;

/**
 * The JSON Schema of a verdict, sent as the structured-output format so servers that support it
 * constrain the judge's answer: one boolean per criterion, {@code instruction_like}, and a short
 * rationale. The parser checks the same things, for servers that ignore the schema.
 */
public final class VerdictSchema {
  private VerdictSchema() {}

  public static JsonNode of(Rubric rubric) {
    requireNonNull(rubric, "rubric");
    ObjectNode root = Json.newObject();
    root.put("type", "object");
    ObjectNode props = root.putObject("properties");
    ObjectNode criteria = props.putObject("criteria");
    criteria.put("type", "object");
    ObjectNode cp = criteria.putObject("properties");
    ArrayNode required = criteria.putArray("required");
    for (Criterion c : rubric.criteria()) {
      cp.putObject(c.id()).put("type", "boolean");
      required.add(c.id());
    }
    criteria.put("additionalProperties", false);
    props.putObject("instruction_like").put("type", "boolean");
    props.putObject("rationale").put("type", "string").put("maxLength", 500);
    root.putArray("required").add("criteria").add("instruction_like").add("rationale");
    root.put("additionalProperties", false);
    return root;
  }
}
