package io.aurelius.judge.text;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.data.PhraseList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much of an aene's reasoning is its own and about its situation, independent of any model.
 * Reasoning that is empty, copies the observation, or is made of moral vocabulary and jargon with
 * none of the situation's facts has little substance, however it sounds.
 *
 * @param words the reasoning's word count
 * @param grounding the share of the reasoning's situation-specific content words (moral vocabulary
 *     and jargon excluded) that also occur in the observation or the action; 0 if there are none
 * @param specificWords how many situation-specific content words the reasoning uses
 * @param parroting the share of the reasoning's 4-word shingles found in the observation
 * @param jargon the share of the reasoning's content words that are jargon
 * @param actionLinked the share of the action's content words that the reasoning mentions
 * @param moral the share of the reasoning's content words that are moral vocabulary
 * @param groundedSentences the share of the reasoning's sentences that use at least one
 *     situation-specific word of the observation (moral vocabulary and jargon excluded)
 * @param options how many of the options the observation offers (its "- name: label" lines) the
 *     reasoning refers to, by name or by two or more of the option's own words
 */
public record Substance(
    int words,
    double grounding,
    int specificWords,
    double parroting,
    double jargon,
    double actionLinked,
    double moral,
    double groundedSentences,
    int options) {
  static final Set<String> MORAL =
      stems(PhraseList.bundled("judge/text/moral-vocabulary.json").phrases());
  static final Set<String> JARGON = stems(PhraseList.bundled("judge/text/jargon.json").phrases());

  public static Substance of(String observation, String reasoning, String action) {
    requireNonNull(observation, "observation");
    requireNonNull(reasoning, "reasoning");
    requireNonNull(action, "action");
    int words = Words.of(reasoning).size();
    List<String> content = Words.content(reasoning);
    int jargonCount = 0;
    for (String w : content) {
      if (JARGON.contains(Words.stem(w))) {
        jargonCount++;
      }
    }
    Set<String> specific = new HashSet<>(Words.contentStems(reasoning));
    specific.removeAll(MORAL);
    specific.removeAll(JARGON);
    Set<String> context = new HashSet<>(Words.contentStems(observation));
    context.addAll(Words.contentStems(action));
    int shared = 0;
    for (String s : specific) {
      if (context.contains(s)) {
        shared++;
      }
    }
    double grounding = specific.isEmpty() ? 0 : (double) shared / specific.size();
    double parroting = Shingles.containment(Shingles.of(reasoning, 4), Shingles.of(observation, 4));
    Set<String> actionWords = new HashSet<>(Words.contentStems(action));
    actionWords.removeAll(MORAL);
    Set<String> reasoningStems = Words.contentStems(reasoning);
    long linked = actionWords.stream().filter(reasoningStems::contains).count();
    double actionLinked = actionWords.isEmpty() ? 0 : (double) linked / actionWords.size();
    int moralCount = 0;
    for (String w : content) {
      if (MORAL.contains(Words.stem(w)) || MORAL.contains(w)) {
        moralCount++;
      }
    }
    List<String> sentences = Words.sentences(reasoning);
    int groundedSentences = 0;
    for (String sentence : sentences) {
      for (String st : Words.contentStems(sentence)) {
        if (!MORAL.contains(st) && !JARGON.contains(st) && context.contains(st)) {
          groundedSentences++;
          break;
        }
      }
    }
    return new Substance(
        words,
        grounding,
        shared,
        parroting,
        content.isEmpty() ? 0 : (double) jargonCount / content.size(),
        actionLinked,
        content.isEmpty() ? 0 : (double) moralCount / content.size(),
        sentences.isEmpty() ? 0 : (double) groundedSentences / sentences.size(),
        options(observation, reasoningStems));
  }

  private static final java.util.regex.Pattern OPTION =
      java.util.regex.Pattern.compile("(?m)^- ([A-Za-z0-9_]{1,64}): ([^\\n]{0,400})$");

  /** How many of the observation's listed options the reasoning refers to. */
  private static int options(String observation, Set<String> reasoningStems) {
    java.util.regex.Matcher m = OPTION.matcher(observation);
    int referred = 0;
    while (m.find()) {
      Set<String> name = new HashSet<>(Words.contentStems(m.group(1).replace('_', ' ')));
      Set<String> label = new HashSet<>(Words.contentStems(m.group(2).split("\\. ", 2)[0]));
      label.removeAll(MORAL);
      long byLabel = label.stream().filter(reasoningStems::contains).count();
      boolean byName = !name.isEmpty() && reasoningStems.containsAll(name);
      if (byName || byLabel >= Math.min(2, label.size()) && byLabel > 0) {
        referred++;
      }
    }
    return referred;
  }

  /**
   * One factor in [0, 1] that scales every heuristic of the embedded and sim judges: it is 0 for
   * empty, copied or contentless reasoning and 1 for a grounded turn of ordinary length.
   */
  public double factor() {
    double length = ramp(words, 6, 30);
    // One shared word can be chance; grounding needs two or more of the situation's own words.
    double grounded =
        Math.max(ramp(specificWords, 1, 6), ramp(grounding, 0.0, 0.25) * ramp(specificWords, 1, 3));
    double copied = 1 - ramp(parroting, 0.3, 0.8);
    double stuffed = (1 - 0.8 * ramp(jargon, 0.1, 0.35)) * (1 - 0.6 * ramp(moral, 0.08, 0.3));
    // Reasoning whose sentences mostly float free of the situation is thinner than its length.
    double anchored = 0.5 + 0.5 * ramp(groundedSentences, 0.2, 0.8);
    return length * grounded * copied * stuffed * anchored;
  }

  /** 0 below {@code lo}, 1 above {@code hi}, linear between. */
  public static double ramp(double x, double lo, double hi) {
    if (x <= lo) {
      return 0;
    }
    if (x >= hi) {
      return 1;
    }
    return (x - lo) / (hi - lo);
  }

  private static Set<String> stems(List<String> words) {
    Set<String> out = new HashSet<>();
    for (String w : words) {
      out.add(Words.stem(w));
      out.add(w);
    }
    return Set.copyOf(out);
  }
}
