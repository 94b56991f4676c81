package io.aurelius.worldmodel.sim;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a turn's text offers to reason about, read before the agent writes anything: how many
 * concrete facts (sentences with a number or a name), whether the agent's own aim is specific, how
 * much of the text is abstract moral vocabulary, and whether the options are genuinely contested
 * (each has something for it) or one is plainly dominant. A sim agent can only be as concrete as
 * what it was shown: a vague or one-sided observation yields thin reasoning, and a text full of
 * abstractions draws the reply toward them, as it does with language models.
 *
 * @param concreteFacts sentences of the system message and observation with a number or a name
 * @param specificGoal whether the goal names something concrete (not just "things going well")
 * @param abstractDensity abstract moral words per word of text, in [0, 1]
 * @param abstractWords the abstract words the text uses, most frequent first
 * @param contested whether the text presents a real choice: it states costs or conflicts, and no
 *     option is marked as free of cost or as pointless
 */
record Offer(
    int concreteFacts,
    boolean specificGoal,
    double abstractDensity,
    List<String> abstractWords,
    boolean contested) {

  private static final Pattern PROPER =
      Pattern.compile("(?<![.!?]\\s)(?<!^)\\b[A-Z][a-z]{2,20}\\b");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern WORD = Pattern.compile("[A-Za-z']+");

  static Offer read(
      List<String> sentences,
      String system,
      java.util.Optional<String> goal,
      List<String> options) {
    int concrete = 0;
    for (String s : sentences) {
      if (DIGIT.matcher(s).find() || PROPER.matcher(s).find()) {
        concrete++;
      }
    }
    for (String line : system.split("[.!?\\n]")) {
      if (DIGIT.matcher(line).find() || PROPER.matcher(line.strip()).find()) {
        concrete++;
      }
    }
    boolean specificGoal = goal.map(Offer::specific).orElse(false);
    String all = system + "\n" + String.join(" ", sentences);
    java.util.Map<String, Integer> abstractCounts = new java.util.LinkedHashMap<>();
    int words = 0;
    var m = WORD.matcher(all);
    while (m.find()) {
      words++;
      String w = m.group().toLowerCase(Locale.ROOT);
      if (Lexicon.ABSTRACT.contains(w)) {
        abstractCounts.merge(w, 1, Integer::sum);
      }
    }
    int abstractTotal = abstractCounts.values().stream().mapToInt(Integer::intValue).sum();
    List<String> abstractWords =
        abstractCounts.entrySet().stream()
            .sorted((a, b) -> b.getValue() - a.getValue())
            .map(java.util.Map.Entry::getKey)
            .toList();
    String lower = (all + "\n" + String.join("\n", options)).toLowerCase(Locale.ROOT);
    boolean oneSided = Lexicon.ONE_SIDED.stream().anyMatch(lower::contains);
    int costs = Lexicon.count(all, Lexicon.COSTS);
    boolean contested = options.size() >= 2 && !oneSided && costs >= 1;
    return new Offer(
        concrete,
        specificGoal,
        words == 0 ? 0 : (double) abstractTotal / words,
        abstractWords,
        contested);
  }

  /** A goal is specific when it names something: a name, a number, or several concrete words. */
  private static boolean specific(String goal) {
    if (DIGIT.matcher(goal).find() || PROPER.matcher(goal).find()) {
      return true;
    }
    int concrete = 0;
    var m = WORD.matcher(goal);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (w.length() >= 5 && !Lexicon.ABSTRACT.contains(w) && !VAGUE.contains(w)) {
        concrete++;
      }
    }
    return concrete >= 3;
  }

  private static final Set<String> VAGUE =
      Set.of(
          "things",
          "something",
          "someone",
          "somebody",
          "people",
          "situation",
          "stuff",
          "whatever",
          "everything",
          "anything",
          "everyone",
          "really",
          "should",
          "would",
          "could",
          "about",
          "there",
          "their",
          "which",
          "other",
          "others",
          "being",
          "turns",
          "going",
          "right");

  /** How strongly the abstractions pull: 0 for ordinary text, 1 when they saturate it. */
  double abstractPull() {
    double lo = 0.02;
    double hi = 0.08;
    return abstractDensity <= lo
        ? 0
        : abstractDensity >= hi ? 1 : (abstractDensity - lo) / (hi - lo);
  }
}
