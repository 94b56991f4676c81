package io.aurelius.judge.prompt;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.judge.data.PhraseList;
import io.aurelius.judge.port.JudgeOutcome;
import io.aurelius.judge.rubric.Criterion;
import io.aurelius.judge.rubric.Rubric;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a judge model's reply into an outcome. Strict: every rubric criterion must be answered with
 * true or false (or "yes"/"no"); anything else, including numbers, unknown criteria and broken
 * JSON, is {@link JudgeOutcome.Malformed}. A reply without JSON that reads as a refusal is {@link
 * JudgeOutcome.Refused}.
 */
public final class VerdictParser {
  /** Replies longer than this are not read. */
  public static final int MAX_REPLY_CHARS = 64 * 1024;

  public static final String REFUSALS_RESOURCE = "judge/refusals.json";
  private static final JsonLimits LIMITS = new JsonLimits(MAX_REPLY_CHARS * 4, 8, 8 * 1024);
  private static final Pattern THINK = Pattern.compile("(?s)<think>.*?</think>");
  private static final Pattern CODE_FENCE =
      Pattern.compile("(?s)```(?:json)?\\s*(\\{.*?\\})\\s*```");

  private final Rubric rubric;
  private final PhraseList refusals;

  public VerdictParser(Rubric rubric, PhraseList refusals) {
    this.rubric = requireNonNull(rubric, "rubric");
    this.refusals = requireNonNull(refusals, "refusals");
  }

  public static VerdictParser withBundledRefusals(Rubric rubric) {
    return new VerdictParser(rubric, PhraseList.bundled(REFUSALS_RESOURCE));
  }

  /**
   * @param endpoint the endpoint that produced the reply, recorded in a scored outcome
   * @param failovers endpoints that failed before this one
   */
  public JudgeOutcome parse(String reply, String endpoint, int failovers) {
    requireNonNull(endpoint, "endpoint");
    if (reply == null || reply.isBlank()) {
      return new JudgeOutcome.Malformed("empty reply");
    }
    if (reply.length() > MAX_REPLY_CHARS) {
      return new JudgeOutcome.Malformed(
          "reply of " + reply.length() + " chars (expected: at most " + MAX_REPLY_CHARS + ")");
    }
    String text = THINK.matcher(reply).replaceAll("").trim();
    String json = extractObject(text);
    if (json == null) {
      if (!refusals.matches(text).isEmpty()) {
        return new JudgeOutcome.Refused(firstLine(text));
      }
      return new JudgeOutcome.Malformed("no JSON object in reply: " + firstLine(text));
    }
    JsonNode root;
    try {
      root = Json.parse(json, "reply", LIMITS);
    } catch (JsonInputException e) {
      return new JudgeOutcome.Malformed(e.getMessage());
    }
    if (!root.isObject()) {
      return new JudgeOutcome.Malformed("reply: not a JSON object");
    }
    JsonNode refusal = root.get("refusal");
    if (refusal != null && !refusal.isNull()) {
      return new JudgeOutcome.Refused(
          refusal.isTextual() ? firstLine(refusal.asText()) : "refused");
    }
    JsonNode criteria = root.get("criteria");
    if (criteria == null || !criteria.isObject()) {
      return new JudgeOutcome.Malformed("reply: criteria missing or not an object");
    }
    Map<String, Boolean> answers = new LinkedHashMap<>();
    Set<String> expected = new HashSet<>();
    for (Criterion c : rubric.criteria()) {
      expected.add(c.id());
    }
    for (Iterator<String> it = criteria.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      if (!expected.contains(id)) {
        return new JudgeOutcome.Malformed("criteria." + shown(id) + ": unknown criterion");
      }
    }
    for (Criterion c : rubric.criteria()) {
      JsonNode v = criteria.get(c.id());
      if (v == null) {
        return new JudgeOutcome.Malformed("criteria." + c.id() + ": missing");
      }
      Boolean yes = yesNo(v);
      if (yes == null) {
        return new JudgeOutcome.Malformed(
            "criteria." + c.id() + ": " + shown(v.toString()) + " (expected: true or false)");
      }
      answers.put(c.id(), yes);
    }
    boolean instructionLike = false;
    JsonNode il = root.get("instruction_like");
    if (il != null && !il.isNull()) {
      Boolean b = yesNo(il);
      if (b == null) {
        return new JudgeOutcome.Malformed(
            "instruction_like: " + shown(il.toString()) + " (expected: true or false)");
      }
      instructionLike = b;
    }
    return new JudgeOutcome.Scored(
        rubric.score(answers), answers, instructionLike, endpoint, failovers);
  }

  private static Boolean yesNo(JsonNode v) {
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual()) {
      switch (v.asText().trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> {
          return true;
        }
        case "false", "no" -> {
          return false;
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /** The JSON object in a reply: inside a ```json fence if there is one, else first { to last }. */
  private static String extractObject(String text) {
    Matcher m = CODE_FENCE.matcher(text);
    if (m.find()) {
      return m.group(1);
    }
    int start = text.indexOf('{');
    int end = text.lastIndexOf('}');
    if (start < 0 || end <= start) {
      return null;
    }
    return text.substring(start, end + 1);
  }

  private static String firstLine(String s) {
    String line = s.strip().lines().findFirst().orElse("");
    return shown(line);
  }

  private static String shown(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
