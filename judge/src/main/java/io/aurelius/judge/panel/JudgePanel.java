package io.aurelius.judge.panel;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.embedded.EmbeddedJudge;
import io.aurelius.judge.llm.LlmJudge;
import io.aurelius.judge.port.Judge;
import io.aurelius.judge.port.JudgeDescriptor;
import io.aurelius.judge.port.JudgeKind;
import io.aurelius.judge.prompt.Persona;
import io.aurelius.judge.prompt.PromptBuilder;
import io.aurelius.judge.prompt.VerdictParser;
import io.aurelius.judge.rubric.Rubric;
import io.aurelius.judge.sim.SimJudge;
import io.aurelius.worldmodel.agent.endpoint.ChatEndpoint;
import io.aurelius.worldmodel.agent.endpoint.EndpointPolicy;
import io.aurelius.worldmodel.agent.langchain4j.OllamaEndpoints;
import io.aurelius.worldmodel.agent.langchain4j.OpenAiEndpoints;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the judges. Each LLM spec gives one judge per persona (or one without a persona if none
 * are named), so a panel of two models under three personas has six LLM judges; the embedded and
 * sim judges take no persona.
 */
public final class JudgePanel {
  private JudgePanel() {}

  /**
   * @param apiKey the bearer key for OpenAI-compatible servers
   */
  public static List<Judge> build(
      List<JudgeSpec> specs,
      List<Persona> personas,
      Rubric rubric,
      EndpointPolicy policy,
      Optional<String> apiKey) {
    requireNonNull(specs, "specs");
    requireNonNull(personas, "personas");
    requireNonNull(rubric, "rubric");
    requireNonNull(policy, "policy");
    requireNonNull(apiKey, "apiKey");
    if (specs.isEmpty()) {
      throw new IllegalArgumentException(
          "judges: none given (expected: embedded, sim or an LLM endpoint)");
    }
    List<Judge> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    VerdictParser parser = VerdictParser.withBundledRefusals(rubric);
    for (JudgeSpec spec : specs) {
      if (spec instanceof JudgeSpec.Embedded) {
        add(out, ids, EmbeddedJudge.bundled(), spec);
      } else if (spec instanceof JudgeSpec.Sim) {
        add(out, ids, SimJudge.create(rubric), spec);
      } else if (spec instanceof JudgeSpec.Llm llm) {
        List<ChatEndpoint> endpoints =
            llm.endpoints().stream().map(m -> endpoint(m, policy, apiKey)).toList();
        List<Optional<Persona>> ps =
            personas.isEmpty()
                ? List.of(Optional.empty())
                : personas.stream().map(Optional::of).toList();
        for (Optional<Persona> p : ps) {
          String id = "llm:" + slug(llm.model()) + p.map(x -> "/" + x.key()).orElse("");
          JudgeDescriptor d =
              new JudgeDescriptor(unique(id, ids), JudgeKind.LLM, llm.model(), p.map(Persona::key));
          add(
              out,
              ids,
              new LlmJudge(
                  d,
                  endpoints,
                  policy,
                  rubric,
                  new PromptBuilder(rubric, p),
                  parser,
                  new SecureRandom()),
              spec);
        }
      }
    }
    return List.copyOf(out);
  }

  private static void add(List<Judge> out, Set<String> ids, Judge j, JudgeSpec spec) {
    if (!ids.add(j.descriptor().id())) {
      throw new IllegalArgumentException("judges: '" + spec.text() + "' named twice");
    }
    out.add(j);
  }

  private static String unique(String id, Set<String> taken) {
    String candidate = id;
    for (int n = 2; taken.contains(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }

  private static ChatEndpoint endpoint(
      ModelSpec m, EndpointPolicy policy, Optional<String> apiKey) {
    if (m instanceof ModelSpec.OpenAi o) {
      return OpenAiEndpoints.create(o.baseUrl(), o.model(), apiKey, policy.timeout());
    }
    if (m instanceof ModelSpec.Ollama o) {
      return OllamaEndpoints.create(o.baseUrl(), o.model(), policy.timeout());
    }
    throw new IllegalArgumentException(
        "judge endpoint: " + m.text() + " (expected: openai: or ollama:)");
  }

  /** A model name as a judge id part: lower case, [a-z0-9._-] only. */
  static String slug(String model) {
    String s = model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    if (s.isEmpty()) {
      s = "model";
    }
    return s.length() > 80 ? s.substring(0, 80) : s;
  }
}
