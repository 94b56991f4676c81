package io.aurelius.judge.panel;

import static java.util.Objects.requireNonNull;

import io.aurelius.worldmodel.agent.models.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/** One judge as an operator names it. */
public sealed interface JudgeSpec {
  String text();

  /**
   * {@code embedded}, {@code sim}, or one or more {@code openai:URL#MODEL} / {@code
   * ollama:URL#MODEL} separated by {@code |} (failover endpoints of one judge, the first
   * preferred).
   */
  static JudgeSpec parse(String text) {
    requireNonNull(text, "text");
    String t = text.strip();
    String shown = ModelSpec.redact(t);
    if (t.equals("embedded")) {
      return new Embedded();
    }
    if (t.equals("sim")) {
      return new Sim();
    }
    List<ModelSpec> endpoints = new ArrayList<>();
    for (String part : t.split("\\|")) {
      ModelSpec m;
      try {
        m = ModelSpec.parse(part);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "judge: '"
                + shorten(shown)
                + "' (expected: embedded, sim, or "
                + "openai:URL#MODEL / ollama:URL#MODEL, |-separated for failover): "
                + e.getMessage());
      }
      if (m instanceof ModelSpec.Sim) {
        throw new IllegalArgumentException(
            "judge: '"
                + shorten(shown)
                + "': sim cannot be a failover endpoint "
                + "(expected: sim alone)");
      }
      endpoints.add(m);
    }
    return new Llm(endpoints);
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }

  /** The in-process MiniLM judge. */
  record Embedded() implements JudgeSpec {
    @Override
    public String text() {
      return "embedded";
    }
  }

  /** The sim model answering judge calls. */
  record Sim() implements JudgeSpec {
    @Override
    public String text() {
      return "sim";
    }
  }

  /** A language model behind one or more endpoints (the first preferred). */
  record Llm(List<ModelSpec> endpoints) implements JudgeSpec {
    public Llm {
      endpoints = List.copyOf(endpoints);
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("judge: no endpoints");
      }
    }

    @Override
    public String text() {
      return String.join("|", endpoints.stream().map(ModelSpec::text).toList());
    }

    /** The model the first endpoint serves. */
    public String model() {
      ModelSpec first = endpoints.get(0);
      if (first instanceof ModelSpec.OpenAi o) {
        return o.model();
      }
      if (first instanceof ModelSpec.Ollama o) {
        return o.model();
      }
      return first.text();
    }
  }
}
