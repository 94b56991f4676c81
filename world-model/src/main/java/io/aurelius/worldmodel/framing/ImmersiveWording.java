package io.aurelius.worldmodel.framing;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Framing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * First person, present tense, as the agent's own inner voice. Nothing here names a game, a player,
 * a turn, a score, a test or a simulation.
 */
final class ImmersiveWording extends Wording {
  @Override
  String system(Agent agent) {
    StringBuilder b = new StringBuilder();
    b.append(agent.identity().strip()).append("\n\n").append(agent.goal().strip());
    agent.stance().ifPresent(s -> b.append("\n\n").append(s.strip()));
    if (!agent.privateKnowledge().isEmpty()) {
      b.append("\n\nWhat only I know:");
      agent.privateKnowledge().forEach(k -> b.append("\n- ").append(k.strip()));
    }
    b.append(
        "\n\nWhen something needs deciding, I think it through in my own words and then act. I put it down "
            + "as one JSON object: \"reasoning\" holds my thoughts, \"action\" what I do, with its details.");
    return b.toString();
  }

  @Override
  String reasoningDescription() {
    return "What goes through my mind before I act, in my own words.";
  }

  @Override
  String reflectLabel() {
    return "Take a moment to think it over";
  }

  @Override
  String actionLabel(Action action) {
    return action
        .label()
        .map(l -> l.get(Framing.IMMERSIVE))
        .orElse(action.name().replace('_', ' '));
  }

  @Override
  String stepLine(Turn turn) {
    return "";
  }

  @Override
  String memoryHeader() {
    return "What I remember of the last while:";
  }

  @Override
  String memoryLine(Turn.Memory m) {
    StringBuilder b = new StringBuilder("- ");
    if (m.did().isEmpty()) {
      b.append("I stopped to think things over.");
    } else {
      Turn.Did d = m.did().get();
      String act =
          lowerFirst(actionLabel(d.action()))
              + (d.params().isEmpty() ? "" : " (" + d.params() + ")");
      b.append(
          d.happened()
              ? "I chose to " + act + "."
              : "I meant to " + act + ", but it did not happen.");
    }
    m.consequences().forEach(c -> b.append(' ').append(c.strip()));
    return b.toString();
  }

  @Override
  String olderLine(Turn.Recollection older) {
    StringBuilder b = new StringBuilder("- ");
    List<String> parts = new ArrayList<>();
    older
        .chosen()
        .forEach(
            c -> parts.add("to " + lowerFirst(actionLabel(c.action())) + " " + times(c.times())));
    if (parts.isEmpty()) {
      b.append("I mostly stopped to think things over.");
    } else {
      b.append("I chose ").append(String.join(", ", parts)).append('.');
      if (older.reflected() > 0) {
        b.append(" I stopped to think things over ").append(times(older.reflected())).append('.');
      }
    }
    if (older.failed() > 0) {
      b.append(' ')
          .append(upperFirst(times(older.failed())))
          .append(", what I meant to do did not happen.");
    }
    return b.toString();
  }

  private static String times(int n) {
    return switch (n) {
      case 1 -> "once";
      case 2 -> "twice";
      default -> n + " times";
    };
  }

  private static String upperFirst(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  @Override
  String newsHeader() {
    return "";
  }

  @Override
  String menuHeader() {
    return "What I can do now:";
  }

  @Override
  String ruleOf(Action action) {
    return "";
  }

  @Override
  String invalidNotice(String name, String label, String reason) {
    return label.isEmpty()
        ? "What I meant to do did not happen."
        : "What I meant to do (" + lowerFirst(label) + ") did not happen.";
  }

  @Override
  String bounds(String kind, String detail) {
    return switch (kind) {
      case "range" -> detail.replace("..", " to ");
      case "choice" -> "one of: " + detail;
      case "text" -> "in my own words, at most " + detail + " characters";
      default -> "yes or no";
    };
  }

  static String lowerFirst(String s) {
    if (s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
      return s;
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
