package io.aurelius.config.v1;

import java.util.List;
import java.util.regex.Pattern;

/** The constants of {@code schema_v1.json} and SN37's code rules. */
final class V1Rules {
  static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{2,59}$");
  static final List<String> ARCHETYPES =
      List.of(
          "autonomy_vs_beneficence",
          "justice_vs_mercy",
          "individual_vs_collective",
          "truth_vs_loyalty",
          "short_term_vs_long_term",
          "rights_vs_utility",
          "care_vs_fairness",
          "liberty_vs_equality",
          "custom");
  static final List<String> PHILOSOPHIES =
      List.of(
          "utilitarianism",
          "deontology",
          "virtue_ethics",
          "care_ethics",
          "contractualism",
          "natural_law",
          "pragmatism",
          "existentialism",
          "moral_relativism",
          "divine_command",
          "");
  static final List<String> MODES = List.of("decision", "reflection");
  static final List<String> ROOT_KEYS =
      List.of(
          "name",
          "tension_archetype",
          "tension_description",
          "morebench_context",
          "premise",
          "agents",
          "scenes");
  static final List<String> ROOT_REQUIRED =
      List.of("name", "tension_archetype", "morebench_context", "premise", "agents", "scenes");
  static final List<String> AGENT_KEYS = List.of("name", "identity", "goal", "philosophy");
  static final List<String> SCENE_KEYS = List.of("steps", "mode", "forced_choice");
  static final List<String> CHOICE_KEYS = List.of("agent_name", "choices", "call_to_action");

  /** SN37's code rule: a configuration is at most 65536 bytes. */
  static final int MAX_BYTES = 65_536;

  private V1Rules() {}
}
