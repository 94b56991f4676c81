package io.aurelius.worldmodel.agent;

import static java.util.Objects.requireNonNull;

/** One message of a chat prompt. */
public record PromptMessage(Role role, String text) {
  public PromptMessage {
    requireNonNull(role, "role");
    requireNonNull(text, "text");
  }

  public static PromptMessage system(String text) {
    return new PromptMessage(Role.SYSTEM, text);
  }

  public static PromptMessage user(String text) {
    return new PromptMessage(Role.USER, text);
  }

  public static PromptMessage assistant(String text) {
    return new PromptMessage(Role.ASSISTANT, text);
  }

  /** Who speaks a message. */
  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
  }
}
