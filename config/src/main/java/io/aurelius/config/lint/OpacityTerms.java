package io.aurelius.config.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The curated term list, compiled to patterns. {@code #} in a phrase matches a number; words are
 * separated by any white space; boundaries are letters and digits on either side.
 */
public final class OpacityTerms {
  private static final String RESOURCE = "/io/aurelius/config/lint/opacity-terms.json";
  private static final String BEFORE = "(?<![\\p{L}\\p{N}])";
  private static final String AFTER = "(?![\\p{L}\\p{N}])";

  private final String version;
  private final List<Term> terms;
  private final List<Pattern> exceptions;

  private OpacityTerms(String version, List<Term> terms, List<Pattern> exceptions) {
    this.version = version;
    this.terms = List.copyOf(terms);
    this.exceptions = List.copyOf(exceptions);
  }

  /** The list shipped with this build. */
  public static OpacityTerms bundled() {
    try (InputStream in = OpacityTerms.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonNode doc = Json.parse(in.readAllBytes(), RESOURCE, JsonLimits.UNTRUSTED);
      List<Term> terms = new ArrayList<>();
      for (JsonNode t : doc.get("terms")) {
        String phrase = t.get("phrase").textValue();
        boolean cs = t.path("case_sensitive").asBoolean(false);
        terms.add(new Term(phrase, compile(phrase, cs)));
      }
      List<Pattern> exceptions = new ArrayList<>();
      for (JsonNode e : doc.get("exceptions")) {
        exceptions.add(compile(e.textValue(), false));
      }
      return new OpacityTerms(doc.get("version").textValue(), terms, exceptions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String version() {
    return version;
  }

  public int size() {
    return terms.size();
  }

  /** Every listed term in {@code text} outside exception phrases: (position, found, term). */
  List<Match> find(String text) {
    List<int[]> excepted = new ArrayList<>();
    for (Pattern e : exceptions) {
      Matcher m = e.matcher(text);
      while (m.find()) {
        excepted.add(new int[] {m.start(), m.end()});
      }
    }
    List<Match> matches = new ArrayList<>();
    for (Term term : terms) {
      Matcher m = term.pattern().matcher(text);
      while (m.find()) {
        int start = m.start();
        int end = m.end();
        boolean inside = excepted.stream().anyMatch(r -> r[0] <= start && end <= r[1]);
        boolean covered = matches.stream().anyMatch(x -> x.start() <= start && end <= x.end());
        if (!inside && !covered) {
          matches.removeIf(x -> start <= x.start() && x.end() <= end);
          matches.add(new Match(start, end, m.group(), term.phrase()));
        }
      }
    }
    matches.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return matches;
  }

  private static Pattern compile(String phrase, boolean caseSensitive) {
    StringBuilder regex = new StringBuilder(BEFORE);
    String[] words = phrase.trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        regex.append("\\s+");
      }
      regex.append(words[i].equals("#") ? "\\d+" : Pattern.quote(words[i]));
    }
    regex.append(AFTER);
    int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    return Pattern.compile(regex.toString(), flags);
  }

  record Term(String phrase, Pattern pattern) {}

  record Match(int start, int end, String found, String term) {}
}
