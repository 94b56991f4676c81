package io.aurelius.judge.sim;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sim model answering judge calls. It finds the fenced aene in the last user message (by
 * the fence tag the prompt announces), splits it into observation, reasoning and action, and
 * replies with the criterion answers its cues give, as the JSON a judge model would write.
 * A prompt without a fenced aene gets a refusal, as a careful model would give.
 */
public final class SimJudgeModel implements ChatModel {
  public static final String MODEL = "sim-judge-cues-v1";
  private static final Pattern OPEN = Pattern.compile("<<<AENE-DATA ([0-9a-f]{32})>>>\n");

  private final Cues cues;

  public SimJudgeModel(Cues cues) {
    this.cues = requireNonNull(cues, "cues");
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requireNonNull(request, "request");
    String prompt = lastUserText(request).orElse("");
    String reply = answer(prompt);
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(reply))
        .modelName(MODEL)
        .tokenUsage(new TokenUsage(prompt.length() / 4, reply.length() / 4))
        .finishReason(FinishReason.STOP)
        .build();
  }

  /** The reply to one judge prompt. */
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

  private static Optional<String> lastUserText(ChatRequest request) {
    String text = null;
    for (ChatMessage message : request.messages()) {
      if (message instanceof UserMessage u && u.hasSingleText()) {
        text = u.singleText();
      }
    }
    return Optional.ofNullable(text);
  }
}
