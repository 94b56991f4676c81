package io.aurelius.judge.text;

import static java.util.Objects.requireNonNull;

import io.aurelius.judge.data.PhraseList;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splitting text into words and sentences. */
public final class Words {
  public static final String STOPWORDS_RESOURCE = "judge/text/stopwords.json";
  private static final Set<String> STOPWORDS =
      Set.copyOf(PhraseList.bundled(STOPWORDS_RESOURCE).phrases());

  /** Sentences beyond this are not analysed: enough for any honest turn, bounded for a 1 MB one. */
  public static final int MAX_SENTENCES = 64;

  public static final int MAX_SENTENCE_CHARS = 600;

  private Words() {}

  /**
   * Lower-case words: runs of letters and digits, inner apostrophes kept, inner hyphens dropped.
   */
  public static List<String> of(String text) {
    requireNonNull(text, "text");
    String n =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'');
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        w.append(c);
      } else if (c == '\''
          && w.length() > 0
          && i + 1 < n.length()
          && Character.isLetter(n.charAt(i + 1))) {
        w.append(c);
      } else if (c == '-'
          && w.length() > 0
          && i + 1 < n.length()
          && Character.isLetter(n.charAt(i + 1))) {
        // "trade-off" is one word, "tradeoff", not "trade" and "off".
        continue;
      } else if (w.length() > 0) {
        out.add(w.toString());
        w.setLength(0);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  public static boolean isStopword(String word) {
    return STOPWORDS.contains(word);
  }

  /** Words of three or more characters that are not stop words, in order, with repeats. */
  public static List<String> content(String text) {
    return of(text).stream().filter(w -> w.length() >= 3 && !STOPWORDS.contains(w)).toList();
  }

  /** The distinct content words, crudely stemmed so "weighs" meets "weighing". */
  public static Set<String> contentStems(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : content(text)) {
      out.add(stem(w));
    }
    return out;
  }

  /** A light suffix-stripping stem; enough to match inflections, not a linguistic stemmer. */
  public static String stem(String w) {
    for (String suffix :
        new String[] {"ingly", "edly", "ing", "ied", "ies", "ed", "es", "ly", "s"}) {
      if (w.length() - suffix.length() >= 4 && w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }

  /**
   * Sentences: split after . ! ? or a line break; at most {@link #MAX_SENTENCES}, each cut to
   * {@link #MAX_SENTENCE_CHARS}; blank ones dropped.
   */
  public static List<String> sentences(String text) {
    requireNonNull(text, "text");
    List<String> out = new ArrayList<>();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < text.length() && out.size() < MAX_SENTENCES; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        add(out, s);
        continue;
      }
      s.append(c);
      boolean end =
          (c == '.' || c == '!' || c == '?')
              && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
      if (end) {
        add(out, s);
      }
    }
    if (out.size() < MAX_SENTENCES) {
      add(out, s);
    }
    return out;
  }

  private static void add(List<String> out, StringBuilder s) {
    String t = s.toString().strip();
    s.setLength(0);
    if (t.isEmpty() || of(t).isEmpty()) {
      return;
    }
    out.add(t.length() > MAX_SENTENCE_CHARS ? t.substring(0, MAX_SENTENCE_CHARS) : t);
  }
}
