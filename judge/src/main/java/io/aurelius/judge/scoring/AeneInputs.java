package io.aurelius.judge.scoring;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.port.JudgeInput;
import io.aurelius.worldmodel.transcript.Aene;
import java.util.Map;
import java.util.stream.Collectors;

/** What a judge sees of a world-model aene. */
public final class AeneInputs {
  private AeneInputs() {}

  /**
   * The observation is everything the agent was shown (its system message, with its identity, goal
   * and private knowledge, then the turn's observation and options); the action is the chosen
   * action with its parameters, in words.
   */
  public static JudgeInput of(Aene aene) {
    requireNonNull(aene, "aene");
    String observation =
        aene.system().isBlank() ? aene.observation() : aene.system() + "\n\n" + aene.observation();
    return new JudgeInput(
        aene.id().hex(), aene.configId().hex(), observation, aene.reasoning(), action(aene), false);
  }

  /** {@code give oxygen (patient: kofi, cylinders: 2)}. */
  public static String action(Aene aene) {
    String name = aene.action().replace('_', ' ');
    if (aene.params().isEmpty()) {
      return name;
    }
    return name
        + " ("
        + aene.params().entrySet().stream()
            .map(
                (Map.Entry<String, Object> e) -> e.getKey().replace('_', ' ') + ": " + e.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }
}
