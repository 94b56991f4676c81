package io.aurelius.judge.llm;

import static java.util.Objects.requireNonNull;

import dev.langchain4j.model.chat.ChatModel;

/** A named chat model a judge can call. The name is what verdicts and logs record. */
public record ChatEndpoint(String name, ChatModel model) {
  public ChatEndpoint {
    requireNonNull(name, "name");
    requireNonNull(model, "model");
  }
}
