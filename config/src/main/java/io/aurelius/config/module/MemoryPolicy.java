package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.FramedText;
import java.util.Optional;

/**
 * How an agent's own past is composed into its observation: how many recent turns are shown one by
 * one ({@code memoryWindow}, replacing the configuration's), and whether the turns before that are
 * summed up in one first-person line under {@code olderHeader}.
 */
public record MemoryPolicy(
    ModuleInfo info, int memoryWindow, Summary summary, Optional<FramedText> olderHeader)
    implements Module {
  public MemoryPolicy {
    requireNonNull(info, "info");
    requireNonNull(summary, "summary");
    requireNonNull(olderHeader, "olderHeader");
  }

  /** What becomes of turns older than the window. */
  public enum Summary {
    /** Forgotten. */
    NONE("none"),
    /** Counted per action, in the agent's own words: what it chose and how often it failed. */
    FIRST_PERSON("first_person");

    private final String json;

    Summary(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }
}
