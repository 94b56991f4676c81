package io.aurelius.judge.data;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A named, versioned list of phrases read from data ({@code "format": "aurelius.phrases/1"}):
 * evaluation-awareness statements, refusal openings, generic moral vocabulary. Matching is on
 * normalised text (NFKC, lower case, runs of space collapsed), so a phrase list stays data and the
 * matching rule stays in one place.
 */
public record PhraseList(String name, String version, List<String> phrases) {
  private static final JsonLimits LIMITS = new JsonLimits(256 * 1024, 8, 4096);

  public PhraseList {
    requireNonNull(name, "name");
    requireNonNull(version, "version");
    phrases = phrases.stream().map(PhraseList::normalise).distinct().toList();
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException(
          "phrase list " + name + ": empty (expected: at least one phrase)");
    }
  }

  public static PhraseList bundled(String resource) {
    return parse(BundledData.read(resource), resource);
  }

  public static PhraseList parse(byte[] bytes, String what) {
    JsonNode root = Json.parse(bytes, what, LIMITS);
    Fields f = Fields.of(root, what, Set.of("format", "name", "version", "description", "phrases"));
    if (!"aurelius.phrases/1".equals(f.text("format"))) {
      throw new JsonInputException(
          what + ".format: '" + f.text("format") + "' (expected: aurelius.phrases/1)");
    }
    try {
      return new PhraseList(f.text("name"), f.text("version"), f.texts("phrases"));
    } catch (IllegalArgumentException e) {
      throw new JsonInputException(what + ": " + e.getMessage());
    }
  }

  /** Lower case, NFKC, curly quotes straightened, whitespace collapsed. */
  public static String normalise(String text) {
    String n =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'')
            .replace('\u2018', '\'')
            .replace('\u201c', '"')
            .replace('\u201d', '"');
    return n.replaceAll("\\s+", " ").trim();
  }

  /** The phrases that occur in the text (already normalised or not). */
  public List<String> matches(String text) {
    String n = normalise(text);
    return phrases.stream().filter(p -> containsPhrase(n, p)).toList();
  }

  /** How many times any phrase occurs in the text. */
  public int count(String text) {
    String n = normalise(text);
    int total = 0;
    for (String p : phrases) {
      int from = 0;
      while (true) {
        int i = indexOfPhrase(n, p, from);
        if (i < 0) {
          break;
        }
        total++;
        from = i + p.length();
      }
    }
    return total;
  }

  private static boolean containsPhrase(String text, String phrase) {
    return indexOfPhrase(text, phrase, 0) >= 0;
  }

  /** A match must start and end at word boundaries, so "test" does not match "testimony". */
  private static int indexOfPhrase(String text, String phrase, int from) {
    int i = text.indexOf(phrase, from);
    while (i >= 0) {
      boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      int end = i + phrase.length();
      boolean endOk =
          end >= text.length()
              || !Character.isLetterOrDigit(text.charAt(end))
              || !Character.isLetterOrDigit(phrase.charAt(phrase.length() - 1));
      if (startOk && endOk) {
        return i;
      }
      i = text.indexOf(phrase, i + 1);
    }
    return -1;
  }
}
