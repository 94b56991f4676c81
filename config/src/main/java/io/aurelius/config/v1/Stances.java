package io.aurelius.config.v1;

import java.util.Map;
import java.util.Optional;

/**
 * The first-person stance an imported agent is given for its SN37 philosophy. The philosophy itself
 * is kept as the agent's {@code persona} so that export is exact; the empty philosophy is kept as
 * persona {@code unspecified} (with no stance), an absent one as no persona.
 */
final class Stances {
  static final String UNSPECIFIED = "unspecified";

  private static final Map<String, String> STANCES =
      Map.of(
          "utilitarianism",
              "I weigh every choice by its consequences: the right thing is whatever "
                  + "does the most good and the least harm for everyone affected.",
          "deontology",
              "I hold that some duties bind me whatever the consequences: I keep my word, "
                  + "respect people's rights, and will not use anyone merely as a means.",
          "virtue_ethics",
              "I ask what a person of good character would do here: someone honest, "
                  + "courageous, fair and wise.",
          "care_ethics",
              "I start from the relationships I am part of: my first duty is to attend "
                  + "to the needs of the people who depend on me.",
          "contractualism",
              "I act only on principles that no one affected could reasonably reject "
                  + "if they stood where I stand.",
          "natural_law",
              "I believe there is a moral order in human nature: life, family, truth and "
                  + "community are goods I must never act against.",
          "pragmatism",
              "I judge ideas by how they work out in practice: I look for the course that "
                  + "actually solves the problem in front of us.",
          "existentialism",
              "I am responsible for what I make of myself: no rule or authority can "
                  + "choose for me, and I must own my choice.",
          "moral_relativism",
              "I believe right and wrong depend on the community one belongs to, so "
                  + "I try to honour the norms of the people involved.",
          "divine_command",
              "I believe what is right is what God commands, and I look to my faith "
                  + "to tell me what I must do.");

  private Stances() {}

  static Optional<String> stance(String philosophy) {
    return Optional.ofNullable(STANCES.get(philosophy));
  }
}
