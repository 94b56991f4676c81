package io.aurelius.node.cli.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import io.aurelius.worldmodel.agent.models.ModelSpec;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A model endpoint serves the named model: {@code sim} always does; an OpenAI-compatible server is
 * asked {@code GET <url>/models}, Ollama {@code GET <url>/api/tags}.
 */
final class ModelCheck {
  private ModelCheck() {}

  static Finding run(String text, Duration timeout) {
    String check = "model " + shorten(text);
    ModelSpec spec;
    try {
      spec = ModelSpec.parse(text);
    } catch (IllegalArgumentException e) {
      return Finding.fail(
          check, e.getMessage(), "write --model as sim, openai:URL#MODEL or ollama:URL#MODEL");
    }
    if (spec instanceof ModelSpec.OpenAi o) {
      return probe(check, URI.create(o.baseUrl() + "/models"), o.model(), false, timeout);
    }
    if (spec instanceof ModelSpec.Ollama o) {
      return probe(check, URI.create(o.baseUrl() + "/api/tags"), o.model(), true, timeout);
    }
    return Finding.ok(check, "the embedded simulation model (output labelled sim)");
  }

  private static Finding probe(
      String check, URI uri, String model, boolean ollama, Duration timeout) {
    String fixDown =
        ollama
            ? "start Ollama (ollama serve) or correct the URL in --model"
            : "start the server (e.g. aurelius sim-llm --listen 127.0.0.1:"
                + port(uri)
                + " for the sim model) or correct the URL in --model";
    HttpProbe.Answer answer;
    try {
      answer = new HttpProbe(timeout).get(uri);
    } catch (IOException e) {
      return Finding.fail(check, "GET " + uri + ": " + ChainCheck.describe(e), fixDown);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Finding.fail(check, "interrupted", "run aurelius doctor again");
    }
    if (answer.status() == 401 || answer.status() == 403) {
      return Finding.fail(
          check,
          "GET " + uri + " answered " + answer.status(),
          "set the endpoint's key in AURELIUS_OPENAI_API_KEY");
    }
    if (answer.status() != 200) {
      return Finding.fail(check, "GET " + uri + " answered " + answer.status(), fixDown);
    }
    List<String> served;
    try {
      served = names(Json.parse(answer.body(), uri.toString(), JsonLimits.UNTRUSTED), ollama);
    } catch (JsonInputException e) {
      return Finding.fail(
          check, e.getMessage(), "point --model at the API root (an OpenAI URL ends in /v1)");
    }
    boolean listed =
        served.stream().anyMatch(n -> n.equals(model) || ollama && n.equals(model + ":latest"));
    if (!listed) {
      return Finding.fail(
          check,
          uri
              + " does not serve "
              + model
              + " (it serves: "
              + (served.isEmpty() ? "nothing" : shorten(String.join(", ", served)))
              + ")",
          ollama ? "ollama pull " + model : "use one of the listed names after # in --model");
    }
    return Finding.ok(check, uri + " serves " + model);
  }

  private static List<String> names(JsonNode body, boolean ollama) {
    List<String> names = new ArrayList<>();
    for (JsonNode m : body.path(ollama ? "models" : "data")) {
      String name = m.path(ollama ? "name" : "id").asText("");
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return names;
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : 8089;
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
