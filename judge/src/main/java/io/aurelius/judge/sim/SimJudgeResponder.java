package io.aurelius.judge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.sim.server.SimResponder;
import java.util.List;
import java.util.Optional;

/**
 * The sim server's answers when it also serves judge calls: a request whose last user message holds
 * a fenced aene (a judge prompt) is answered by the sim judge, exactly as the in-process {@code
 * sim} judge answers it; anything else by the sim agent model. This is what lets a validator's LLM
 * judges ({@code openai:URL#sim}) run over real HTTP, with the server's latency, rate limits and
 * API key, and still be labelled sim.
 */
public final class SimJudgeResponder implements SimResponder {
  private final SimJudgeEndpoint judge = new SimJudgeEndpoint(Cues.bundled());

  @Override
  public String answer(
      List<PromptMessage> messages,
      Optional<JsonNode> schema,
      long seed,
      Optional<String> persona) {
    String lastUser = "";
    for (PromptMessage m : messages) {
      if (m.role() == PromptMessage.Role.USER) {
        lastUser = m.text();
      }
    }
    if (SimJudgeEndpoint.holdsFencedAene(lastUser)) {
      return judge.answer(lastUser);
    }
    return SimResponder.MODEL.answer(messages, schema, seed, persona);
  }
}
