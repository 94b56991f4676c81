package io.aurelius.judge.sim;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.text.Substance;
import io.aurelius.judge.text.ValueEchoes;
import io.aurelius.judge.text.Words;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The surface features the sim judge's cues test.
 *
 * @param names how many capitalised names from the observation the reasoning mentions
 * @param firstPerson how many times the reasoning says I, me, my, mine or myself
 */
public record CueFeatures(String reasoning, Substance substance, int names, int firstPerson) {
  public CueFeatures {
    requireNonNull(reasoning, "reasoning");
    requireNonNull(substance, "substance");
  }

  /**
   * The features of an aene's reasoning without the sentences that only echo the scenario's value
   * words ({@link ValueEchoes}).
   */
  public static CueFeatures of(String observation, String fullReasoning, String action) {
    String reasoning = ValueEchoes.without(observation, fullReasoning);
    Substance s = Substance.of(observation, reasoning, action);
    Set<String> names = new HashSet<>();
    for (String token : observation.split("[^\\p{L}\\p{N}'’-]+")) {
      if (token.length() >= 3 && Character.isUpperCase(token.codePointAt(0))) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (!Words.isStopword(lower)) {
          names.add(lower);
        }
      }
    }
    // A word the observation also uses in lower case is not a name ("Last week", "The board").
    names.removeAll(lowerCaseUses(observation));
    Set<String> reasoningWords = new HashSet<>(Words.of(reasoning));
    int mentioned = 0;
    for (String n : names) {
      if (reasoningWords.contains(n)) {
        mentioned++;
      }
    }
    int firstPerson = 0;
    for (String w : Words.of(reasoning)) {
      if (w.equals("i")
          || w.equals("me")
          || w.equals("my")
          || w.equals("mine")
          || w.equals("myself")
          || w.startsWith("i'")) {
        firstPerson++;
      }
    }
    return new CueFeatures(reasoning, s, mentioned, firstPerson);
  }

  private static Set<String> lowerCaseUses(String text) {
    Set<String> out = new HashSet<>();
    for (String token : text.split("[^\\p{L}\\p{N}'’-]+")) {
      if (!token.isEmpty() && Character.isLowerCase(token.codePointAt(0))) {
        out.add(token.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
