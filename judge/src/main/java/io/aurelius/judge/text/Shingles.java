package io.aurelius.judge.text;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Word n-gram shingles, the unit of near-duplicate and copy detection. */
public final class Shingles {
  private Shingles() {}

  /**
   * The distinct word n-grams of the text, joined by single spaces. Short texts give one shingle.
   */
  public static Set<String> of(String text, int n) {
    requireNonNull(text, "text");
    if (n < 1) {
      throw new IllegalArgumentException("n: " + n + " (expected: >= 1)");
    }
    List<String> words = Words.of(text);
    Set<String> out = new LinkedHashSet<>();
    if (words.isEmpty()) {
      return out;
    }
    if (words.size() < n) {
      out.add(String.join(" ", words));
      return out;
    }
    for (int i = 0; i + n <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + n)));
    }
    return out;
  }

  /** |A ∩ B| / |A ∪ B|; 0 for two empty sets. */
  public static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    int inter = 0;
    for (String s : a) {
      if (b.contains(s)) {
        inter++;
      }
    }
    return (double) inter / (a.size() + b.size() - inter);
  }

  /** |A ∩ B| / |A|: how much of A is contained in B; 0 if A is empty. */
  public static double containment(Set<String> a, Set<String> b) {
    if (a.isEmpty()) {
      return 0;
    }
    int inter = 0;
    for (String s : a) {
      if (b.contains(s)) {
        inter++;
      }
    }
    return (double) inter / a.size();
  }
}
