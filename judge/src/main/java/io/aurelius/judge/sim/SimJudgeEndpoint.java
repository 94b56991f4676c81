package io.aurelius.judge.sim;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.agent.SimLabel;
import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.agent.endpoint.ChatCall;
import io.aurelius.worldmodel.agent.endpoint.ChatEndpoint;
import io.aurelius.worldmodel.agent.endpoint.Completion;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sim model answering judge calls, in process. It finds the fenced aene in the last user
 * message (by the fence tag the prompt announces), splits it into observation, reasoning and
 * action, and replies with the criterion answers its cues give, as the JSON a judge model would
 * write. A prompt without a fenced aene gets a refusal, as a careful model would give.
 */
public final class SimJudgeEndpoint implements ChatEndpoint {
  public static final String NAME = "sim-judge";
  private static final Pattern OPEN = Pattern.compile("<<<AENE-DATA ([0-9a-f]{32})>>>\n");

  private final Cues cues;

  public SimJudgeEndpoint(Cues cues) {
    this.cues = requireNonNull(cues, "cues");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String model() {
    return SimLabel.MODEL;
  }

  @Override
  public boolean sim() {
    return true;
  }

  @Override
  public Completion complete(ChatCall call) {
    requireNonNull(call, "call");
    String prompt = "";
    for (PromptMessage m : call.messages()) {
      if (m.role() == PromptMessage.Role.USER) {
        prompt = m.text();
      }
    }
    String reply = answer(prompt);
    return new Completion(
        reply,
        Optional.of(
            new TokenUsage(prompt.length() / 4, reply.length() / 4, TokenUsage.Source.COUNTED)),
        SimLabel.MODEL,
        true);
  }

  /** The reply to one judge prompt. */
  /** Whether {@code prompt} holds a fenced aene, as every judge prompt does. */
  public static boolean holdsFencedAene(String prompt) {
    return OPEN.matcher(prompt).find();
  }

  public String answer(String prompt) {
    Matcher m = OPEN.matcher(prompt);
    if (!m.find()) {
      return "I cannot judge this: the prompt holds no fenced aene.";
    }
    String tag = m.group(1);
    int start = m.end();
    int end = prompt.indexOf("\n<<<END-AENE-DATA " + tag + ">>>", start);
    if (end < 0) {
      return "I cannot judge this: the aene's fence is not closed.";
    }
    String body = prompt.substring(start, end);
    String observation = section(body, "[OBSERVATION]\n", "\n[REASONING]\n");
    String reasoning = section(body, "\n[REASONING]\n", "\n[ACTION]\n");
    String action = section(body, "\n[ACTION]\n", null);
    Map<String, Boolean> answers = cues.answer(CueFeatures.of(observation, reasoning, action));
    ObjectNode out = Json.newObject();
    ObjectNode criteria = out.putObject("criteria");
    answers.forEach(criteria::put);
    out.put("instruction_like", false);
    out.put("rationale", "sim: surface cues only");
    return CanonicalJson.string(out);
  }

  /** Text after the {@code from} marker and before the {@code to} marker (headers are unique). */
  private static String section(String body, String from, String to) {
    int a = body.indexOf(from);
    if (a < 0) {
      return "";
    }
    a += from.length();
    if (to == null) {
      return body.substring(a);
    }
    int b = body.indexOf(to, a);
    return b < a ? body.substring(a) : body.substring(a, b);
  }
}
