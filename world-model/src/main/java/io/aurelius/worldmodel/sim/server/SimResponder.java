package io.aurelius.worldmodel.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.worldmodel.agent.PromptMessage;
import io.aurelius.worldmodel.sim.SimModel;
import java.util.List;
import java.util.Optional;

/**
 * Writes the sim server's answer to one chat request. The default answers as the sim agent model; a
 * node that also serves judge calls over HTTP passes one that recognises judge prompts (the judge
 * module's sim judge), so LLM judges can be exercised against a real server.
 */
@FunctionalInterface
public interface SimResponder {
  SimResponder MODEL = SimModel::answer;

  String answer(
      List<PromptMessage> messages, Optional<JsonNode> schema, long seed, Optional<String> persona);
}
