package io.aurelius.judge.prompt;

import static java.util.Objects.requireNonNull;

/** A built prompt: the system message, the user message and the fence used in it. */
public record JudgePrompt(String system, String user, Fence fence) {
  public JudgePrompt {
    requireNonNull(system, "system");
    requireNonNull(user, "user");
    requireNonNull(fence, "fence");
  }
}
