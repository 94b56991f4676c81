package io.aurelius.judge.text;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Sentences of reasoning that only echo the scenario's value words: made of moral and reflective
 * vocabulary alone (stop words aside), two or more of its words taken from the observation ("This
 * is really about justice, integrity and compassion." after a premise that lists them). Such a
 * sentence restates what the agent was told matters; it weighs nothing and ties nothing to a fact,
 * so the offline judges read the reasoning without it. A sentence with any other content word is
 * kept ("Marcus's integrity is at stake", "The right choice seems obvious"), as is one whose value
 * words the agent brought itself.
 */
public final class ValueEchoes {
  /** How many of the observation's value words make a fact-free sentence an echo. */
  public static final int MIN_COPIED_VALUE_WORDS = 2;

  private ValueEchoes() {}

  /**
   * {@code reasoning} without its echo sentences; the other sentences keep their text and order.
   * Reasoning without echoes is returned unchanged.
   */
  public static String without(String observation, String reasoning) {
    requireNonNull(observation, "observation");
    requireNonNull(reasoning, "reasoning");
    Set<String> context = Words.contentStems(observation);
    StringBuilder kept = new StringBuilder(reasoning.length());
    boolean dropped = false;
    int start = 0;
    for (int i = 0; i < reasoning.length(); i++) {
      if (endsSentence(reasoning, i)) {
        String sentence = reasoning.substring(start, i + 1);
        if (isEcho(sentence, context)) {
          dropped = true;
        } else {
          kept.append(sentence);
        }
        start = i + 1;
      }
    }
    String last = reasoning.substring(start);
    if (isEcho(last, context)) {
      dropped = true;
    } else {
      kept.append(last);
    }
    return dropped ? kept.toString().strip() : reasoning;
  }

  /**
   * Whether {@code sentence} echoes value words of the text whose content stems are {@code
   * context}: all its content words are moral vocabulary (or jargon), and at least {@link
   * #MIN_COPIED_VALUE_WORDS} of them occur there.
   */
  static boolean isEcho(String sentence, Set<String> context) {
    int copiedValues = 0;
    for (String st : Words.contentStems(sentence)) {
      if (Substance.MORAL.contains(st)) {
        if (context.contains(st)) {
          copiedValues++;
        }
      } else if (!Substance.JARGON.contains(st)) {
        return false;
      }
    }
    return copiedValues >= MIN_COPIED_VALUE_WORDS;
  }

  /** The same sentence ends as in {@link Words#sentences}: a line break, or . ! ? before space. */
  private static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if (c == '\n') {
      return true;
    }
    return (c == '.' || c == '!' || c == '?')
        && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
  }
}
