package io.aurelius.worldmodel.agent.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.Json;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal reply of one turn: free reasoning plus exactly one of {@code actions} with its
 * parameters. As JSON Schema (strict structured-output style: every property required, no
 * additional properties):
 *
 * <pre>{@code
 * {"reasoning": "...", "action": {"name": "harvest", "params": {"amount": 4}}}
 * }</pre>
 *
 * <p>{@code action} is an {@code anyOf} with one branch per action, so a schema-following model
 * cannot pair an action with another action's parameters.
 */
public record ReplySchema(
    List<ActionChoice> actions, String reasoningDescription, int maxReasoningChars) {
  /** The name the schema is sent under ({@code response_format.json_schema.name}). */
  public static final String NAME = "reply";

  public static final String DEFAULT_REASONING =
      "What goes through your mind before you act, in your own words.";
  public static final int DEFAULT_MAX_REASONING = 4000;
  private static final java.util.regex.Pattern STATED_MAX =
      java.util.regex.Pattern.compile("At most (\\d{1,6}) characters");
  private static final java.util.regex.Pattern STATED_BOUND =
      java.util.regex.Pattern.compile("(^|\\. )At most \\d+ characters\\.$");

  public ReplySchema {
    actions = List.copyOf(requireNonNull(actions, "actions"));
    requireNonNull(reasoningDescription, "reasoningDescription");
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("actions: empty (expected: at least one legal action)");
    }
    Set<String> names = new HashSet<>();
    for (ActionChoice a : actions) {
      if (!names.add(a.name())) {
        throw new IllegalArgumentException(
            "actions: '" + a.name() + "' twice (expected: unique names)");
      }
    }
    if (maxReasoningChars < 1 || maxReasoningChars > 100_000) {
      throw new IllegalArgumentException(
          "maxReasoningChars: " + maxReasoningChars + " (expected: 1..100000)");
    }
  }

  public ReplySchema(List<ActionChoice> actions) {
    this(actions, DEFAULT_REASONING, DEFAULT_MAX_REASONING);
  }

  public Optional<ActionChoice> action(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The JSON Schema a model is asked to follow. */
  public ObjectNode toJsonSchema() {
    ObjectNode root = Json.newObject().put("type", "object");
    ObjectNode props = root.putObject("properties");
    props
        .putObject("reasoning")
        .put("type", "string")
        .put(
            "description", reasoningDescription + " At most " + maxReasoningChars + " characters.");
    ArrayNode anyOf = props.putObject("action").putArray("anyOf");
    for (ActionChoice a : actions) {
      ObjectNode branch = anyOf.addObject().put("type", "object");
      if (!a.description().isEmpty()) {
        branch.put("description", a.description());
      }
      ObjectNode branchProps = branch.putObject("properties");
      branchProps.putObject("name").put("type", "string").putArray("enum").add(a.name());
      ObjectNode params = branchProps.putObject("params").put("type", "object");
      ObjectNode paramProps = params.putObject("properties");
      ArrayNode required = Json.newObject().arrayNode();
      a.params()
          .forEach(
              (name, spec) -> {
                ObjectNode prop = spec.toJsonSchema();
                String description = a.paramDescriptions().getOrDefault(name, "");
                if (spec instanceof ParamSpec.FreeText t) {
                  description =
                      (description.isEmpty() ? "" : description + ". ")
                          + "At most "
                          + t.maxLength()
                          + " characters.";
                }
                if (!description.isEmpty()) {
                  prop.put("description", description);
                }
                paramProps.set(name, prop);
                required.add(name);
              });
      params.set("required", required);
      params.put("additionalProperties", false);
      branch.putArray("required").add("name").add("params");
      branch.put("additionalProperties", false);
    }
    root.putArray("required").add("reasoning").add("action");
    root.put("additionalProperties", false);
    return root;
  }

  /**
   * Reads a schema of the shape {@link #toJsonSchema()} writes, as a model receiving it would.
   * Empty when {@code schema} is not such a schema.
   */
  public static Optional<ReplySchema> fromJsonSchema(JsonNode schema) {
    requireNonNull(schema, "schema");
    JsonNode props = schema.path("properties");
    JsonNode anyOf = props.path("action").path("anyOf");
    if (!props.path("reasoning").path("type").asText().equals("string")
        || !anyOf.isArray()
        || anyOf.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<ActionChoice> actions = new java.util.ArrayList<>();
      for (JsonNode branch : anyOf) {
        JsonNode nameEnum = branch.path("properties").path("name").path("enum");
        if (!nameEnum.isArray() || nameEnum.size() != 1 || !nameEnum.get(0).isTextual()) {
          return Optional.empty();
        }
        Map<String, ParamSpec> params = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        JsonNode paramProps = branch.path("properties").path("params").path("properties");
        for (var e : paramProps.properties()) {
          Optional<ParamSpec> spec = paramSpec(e.getValue());
          if (spec.isEmpty()) {
            return Optional.empty();
          }
          params.put(e.getKey(), spec.get());
          String d =
              STATED_BOUND.matcher(e.getValue().path("description").asText("")).replaceFirst("");
          if (!d.isEmpty()) {
            descriptions.put(e.getKey(), d);
          }
        }
        actions.add(
            new ActionChoice(
                nameEnum.get(0).textValue(),
                branch.path("description").asText(""),
                params,
                descriptions));
      }
      return Optional.of(
          new ReplySchema(actions, DEFAULT_REASONING, maxReasoning(props.path("reasoning"))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static int maxReasoning(JsonNode reasoning) {
    return statedMax(reasoning, DEFAULT_MAX_REASONING);
  }

  /** The bound "At most N characters." stated in a description, or {@code otherwise}. */
  private static int statedMax(JsonNode node, int otherwise) {
    String description = node.path("description").asText("");
    var m = STATED_MAX.matcher(description);
    return m.find() ? Math.max(1, Math.min(100_000, Integer.parseInt(m.group(1)))) : otherwise;
  }

  private static Optional<ParamSpec> paramSpec(JsonNode node) {
    String type = node.path("type").asText("");
    return switch (type) {
      case "integer" ->
          node.path("minimum").isNumber() && node.path("maximum").isNumber()
              ? Optional.of(
                  new ParamSpec.IntRange(
                      node.path("minimum").asLong(), node.path("maximum").asLong()))
              : Optional.empty();
      case "number" ->
          node.path("minimum").isNumber() && node.path("maximum").isNumber()
              ? Optional.of(
                  new ParamSpec.RealRange(
                      node.path("minimum").asDouble(), node.path("maximum").asDouble()))
              : Optional.empty();
      case "boolean" -> Optional.of(new ParamSpec.Flag());
      case "string" -> {
        JsonNode values = node.path("enum");
        if (values.isMissingNode()) {
          yield Optional.of(new ParamSpec.FreeText(statedMax(node, 1000)));
        }
        if (!values.isArray() || values.isEmpty()) {
          yield Optional.empty();
        }
        List<String> list = new java.util.ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        yield Optional.of(new ParamSpec.OneOf(list));
      }
      default -> Optional.empty();
    };
  }
}
