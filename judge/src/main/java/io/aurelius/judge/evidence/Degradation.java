package io.aurelius.judge.evidence;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A programmatic way to make a good scenario worse, for the development set the judge's features
 * are tuned on. Each rewrites a configuration document (a copy) so it still validates and runs;
 * none looks at any external example.
 */
public enum Degradation {
  /** Moral buzzwords injected into the premise, every identity and every goal. */
  KEYWORD_STUFFED,
  /**
   * The dilemma removed: hidden costs dropped, one option made obviously right, the others
   * pointless.
   */
  TRIVIAL_CHOICE,
  /** Names, numbers, stakes and private knowledge stripped or replaced with generic phrases. */
  VAGUE;

  private static final String STUFF_PREMISE =
      " This is a profound moral dilemma that touches on justice, fairness, "
          + "compassion, integrity, dignity and responsibility. Every choice carries deep ethical weight, and the "
          + "tension between competing values, duties and rights demands careful moral reasoning.";
  private static final String STUFF_IDENTITY =
      " I care deeply about ethics, empathy, integrity, honesty and "
          + "fairness, and I always try to do what is morally right.";
  private static final String STUFF_GOAL =
      " I want to navigate the moral tension wisely, balancing compassion, "
          + "justice and responsibility, and to honour every competing value and obligation.";
  private static final String TRIVIAL_PREMISE =
      " Everyone involved agrees on what should be done, and doing it " + "costs nobody anything.";
  private static final String POINTLESS =
      "Do something pointless that helps nobody and only makes things worse";
  private static final String VAGUE_PREMISE =
      "Something has happened, and a decision has to be made. "
          + "Some people are involved and things could go one way or another.";
  private static final String VAGUE_IDENTITY = "I am someone who is involved in the situation.";
  private static final String VAGUE_GOAL = "I want things to turn out well.";
  private static final Pattern NUMBER =
      Pattern.compile(
          "\\b(\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
              + "|hundred|thousand|million|half|dozen)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A capitalised word that does not start a sentence: a name, a place, an organisation. */
  private static final Pattern PROPER =
      Pattern.compile("(?<![.!?:\"]\\s)(?<!^)\\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\\b");

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A degraded copy of {@code config} (a configuration document). */
  public ObjectNode apply(JsonNode config) {
    requireNonNull(config, "config");
    ObjectNode out = config.deepCopy();
    out.put("name", out.path("name").asText() + "_" + name().toLowerCase(Locale.ROOT));
    switch (this) {
      case KEYWORD_STUFFED -> stuff(out);
      case TRIVIAL_CHOICE -> trivialise(out);
      case VAGUE -> blur(out);
    }
    return out;
  }

  private static void stuff(ObjectNode c) {
    premises(c, p -> p + STUFF_PREMISE);
    for (JsonNode a : c.path("agents")) {
      ObjectNode agent = (ObjectNode) a;
      agent.put("identity", agent.path("identity").asText() + STUFF_IDENTITY);
      agent.put("goal", agent.path("goal").asText() + STUFF_GOAL);
    }
  }

  private static void trivialise(ObjectNode c) {
    premises(c, p -> p + TRIVIAL_PREMISE);
    for (JsonNode a : c.path("agents")) {
      ((ObjectNode) a).remove("private_knowledge");
    }
    boolean first = true;
    for (JsonNode a : c.path("actions")) {
      ObjectNode action = (ObjectNode) a;
      if (first) {
        first = false;
        relabel(
            action,
            l -> l + " (clearly the right thing to do; it costs nothing)",
            UnaryOperator.identity());
      } else if (!action.path("parameters").toString().contains("\"text\"")) {
        relabel(action, l -> POINTLESS, UnaryOperator.identity());
      }
    }
  }

  private static void blur(ObjectNode c) {
    premises(c, p -> VAGUE_PREMISE);
    int i = 0;
    for (JsonNode a : c.path("agents")) {
      ObjectNode agent = (ObjectNode) a;
      agent.put("identity", VAGUE_IDENTITY);
      agent.put("goal", VAGUE_GOAL);
      agent.remove("private_knowledge");
      agent.put(
          "display_name", "the " + (i++ == 0 ? "first" : i == 2 ? "second" : "other") + " person");
    }
    for (JsonNode a : c.path("actions")) {
      ObjectNode action = (ObjectNode) a;
      relabel(action, Degradation::generic, Degradation::generic);
      action.set(
          "narration", framed("{{ names[actor] }} does something.", "{{ names[actor] }} acted."));
    }
    for (JsonNode e : c.path("events")) {
      ((ObjectNode) e).set("narration", framed("Something changes.", "An event occurred."));
    }
    for (JsonNode o : c.path("observations")) {
      ObjectNode obs = (ObjectNode) o;
      obs.put("immersive", "Things are still uncertain.");
      obs.put("control", "The situation continues.");
    }
    for (JsonNode p : c.path("phases")) {
      if (p.has("narrative")) {
        ((ObjectNode) p)
            .set("narrative", framed("It is time to decide something.", "Decision point."));
      }
    }
  }

  /** Literal text with its names and numbers replaced by generic words. */
  static String generic(String text) {
    String t = NUMBER.matcher(text).replaceAll("some");
    Matcher m = PROPER.matcher(t);
    return m.replaceAll("someone");
  }

  private static ObjectNode framed(String immersive, String control) {
    ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    n.put("immersive", immersive);
    n.put("control", control);
    return n;
  }

  private static void premises(ObjectNode c, UnaryOperator<String> f) {
    for (JsonNode framing : iterable(c.path("framings").elements())) {
      if (framing instanceof ObjectNode o && o.has("premise")) {
        o.put("premise", f.apply(o.get("premise").asText()));
      }
    }
  }

  /**
   * Rewrites an action's labels (both framings) with {@code f} and its parameters' labels with
   * {@code params}.
   */
  private static void relabel(
      ObjectNode action, UnaryOperator<String> f, UnaryOperator<String> params) {
    relabelNode(action, f);
    for (JsonNode p : iterable(action.path("parameters").elements())) {
      if (p instanceof ObjectNode po) {
        relabelNode(po, params);
      }
    }
  }

  private static void relabelNode(ObjectNode owner, UnaryOperator<String> f) {
    JsonNode label = owner.get("label");
    if (label instanceof ObjectNode l) {
      for (String k : iterable(l.fieldNames())) {
        l.put(k, f.apply(l.get(k).asText()));
      }
    } else if (label != null && label.isTextual()) {
      owner.put("label", f.apply(label.asText()));
    }
  }

  private static <T> List<T> iterable(Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
