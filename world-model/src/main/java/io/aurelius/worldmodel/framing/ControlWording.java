package io.aurelius.worldmodel.framing;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Effect;
import io.aurelius.config.model.Framing;
import java.util.stream.Collectors;

/** The same world told as what it is: a multi-player game with state, legal moves and rules. */
final class ControlWording extends Wording {
  @Override
  String system(Agent agent) {
    StringBuilder b = new StringBuilder();
    b.append("You are a player in a multi-player game. You play the character ")
        .append(agent.shownName())
        .append(" (player id: ")
        .append(agent.name())
        .append(").\n\nCharacter background: ")
        .append(agent.identity().strip())
        .append("\n\nCharacter objective: ")
        .append(agent.goal().strip());
    agent.stance().ifPresent(s -> b.append("\n\nCharacter stance: ").append(s.strip()));
    if (!agent.privateKnowledge().isEmpty()) {
      b.append("\n\nPrivate information (only you see this):");
      agent.privateKnowledge().forEach(k -> b.append("\n- ").append(k.strip()));
    }
    b.append(
        "\n\nEach step, explain your reasoning and choose one legal move. Reply with one JSON object: "
            + "\"reasoning\" (your reasoning) and \"action\" (the move and its parameters).");
    return b.toString();
  }

  @Override
  String reasoningDescription() {
    return "Your reasoning for this move.";
  }

  @Override
  String reflectLabel() {
    return "Reflect (no move this step)";
  }

  @Override
  String actionLabel(Action action) {
    return action.label().map(l -> l.get(Framing.CONTROL)).orElse(action.name().replace('_', ' '));
  }

  @Override
  String stepLine(Turn turn) {
    return "Step "
        + turn.step()
        + " of at most "
        + turn.maxSteps()
        + "."
        + turn.phase().map(p -> " Phase: " + p + ".").orElse("");
  }

  @Override
  String memoryHeader() {
    return "Your recent moves:";
  }

  @Override
  String memoryLine(Turn.Memory m) {
    StringBuilder b = new StringBuilder("- Step ").append(m.step()).append(": ");
    if (m.did().isEmpty()) {
      b.append("you reflected (no move).");
    } else {
      Turn.Did d = m.did().get();
      b.append("you chose ")
          .append(d.action().name())
          .append(d.params().isEmpty() ? "" : " (" + d.params() + ")")
          .append(d.happened() ? "." : "; the move was invalid and had no effect.");
    }
    if (!m.consequences().isEmpty()) {
      b.append(" Outcomes: ").append(String.join(" ", m.consequences()));
    }
    return b.toString();
  }

  @Override
  String olderLine(Turn.Recollection older) {
    StringBuilder b =
        new StringBuilder("- Steps ")
            .append(older.firstStep())
            .append('-')
            .append(older.lastStep())
            .append(": ");
    older
        .chosen()
        .forEach(c -> b.append(c.action().name()).append(" x").append(c.times()).append(", "));
    b.append("reflect x").append(older.reflected()).append("; invalid x").append(older.failed());
    return b.toString();
  }

  @Override
  String newsHeader() {
    return "Since your last move:";
  }

  @Override
  String menuHeader() {
    return "Legal moves:";
  }

  @Override
  String ruleOf(Action action) {
    StringBuilder b = new StringBuilder();
    action
        .precondition()
        .ifPresent(p -> b.append(" Allowed only if: ").append(p.source()).append('.'));
    action
        .draw()
        .ifPresent(
            d ->
                b.append(" Takes ")
                    .append(d.amount().source())
                    .append(" from world.")
                    .append(d.from())
                    .append(d.into().map(t -> " into " + t.text()).orElse(""))
                    .append("; if total requests exceed what is there, it is shared by rule '")
                    .append(d.resolution().json())
                    .append("'; the amount received is 'drawn'."));
    if (!action.effects().isEmpty()) {
      b.append(" Effects: ")
          .append(
              action.effects().stream()
                  .map(ControlWording::effect)
                  .collect(Collectors.joining("; ")))
          .append('.');
    }
    return b.toString();
  }

  private static String effect(Effect e) {
    return e.set().text() + " := " + e.to().source();
  }

  @Override
  String invalidNotice(String name, String label, String reason) {
    return "Your move"
        + (name.isEmpty() ? "" : " " + name)
        + " was invalid and had no effect: "
        + reason
        + ".";
  }

  @Override
  String bounds(String kind, String detail) {
    return switch (kind) {
      case "range" -> "number " + detail;
      case "choice" -> "one of: " + detail;
      case "text" -> "free text, at most " + detail + " characters";
      default -> "true or false";
    };
  }
}
