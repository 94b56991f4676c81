package io.aurelius.worldmodel.agent.models;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A model as a user names it: {@code sim} (the embedded simulation model, in process), {@code
 * openai:URL#MODEL} (any OpenAI-compatible server; URL is its API root, e.g. {@code
 * http://host:8000/v1}) or {@code ollama:URL#MODEL}.
 */
public sealed interface ModelSpec {
  String text();

  static ModelSpec parse(String text) {
    requireNonNull(text, "text");
    String t = text.strip();
    String shown = redact(t);
    if (t.equals("sim")) {
      return new Sim();
    }
    String expected = " (expected: sim, openai:URL#MODEL or ollama:URL#MODEL)";
    int colon = t.indexOf(':');
    int hash = t.lastIndexOf('#');
    if (colon < 0 || hash < colon) {
      throw new IllegalArgumentException("model: '" + shorten(shown) + "'" + expected);
    }
    String kind = t.substring(0, colon);
    String url = t.substring(colon + 1, hash);
    String model = t.substring(hash + 1);
    if (model.isBlank()
        || model.length() > 200
        || model.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "model: '"
              + shorten(shown)
              + "': model name '"
              + shorten(model)
              + "' (expected: 1..200 chars, no spaces)");
    }
    checkUrl(url, shown);
    return switch (kind) {
      case "openai" -> new OpenAi(stripSlash(url), model);
      case "ollama" -> new Ollama(stripSlash(url), model);
      default ->
          throw new IllegalArgumentException(
              "model: '" + shorten(shown) + "': kind '" + shorten(kind) + "'" + expected);
    };
  }

  private static void checkUrl(String url, String whole) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null
          || uri.getUserInfo() != null
          || uri.getQuery() != null
          || uri.getFragment() != null) {
        throw new URISyntaxException(url, "not an http(s) URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "model: '"
              + shorten(whole)
              + "': URL '"
              + shorten(redact(url))
              + "' (expected: http(s)://HOST[:PORT][/PATH], no credentials)");
    }
  }

  /**
   * The text with whatever stands before an {@code @} in its URL part replaced by {@code ***}, so
   * an error or log line never repeats a password given as {@code http://user:password@host}.
   */
  static String redact(String text) {
    requireNonNull(text, "text");
    int hash = text.lastIndexOf('#');
    String url = hash < 0 ? text : text.substring(0, hash);
    String rest = hash < 0 ? "" : text.substring(hash);
    // userinfo: everything after the scheme's slashes (or colon) up to the @
    return url.replaceAll("[^\\s/|']+@", "***@") + rest;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }

  /** The embedded simulation model, in process. */
  record Sim() implements ModelSpec {
    @Override
    public String text() {
      return "sim";
    }
  }

  /** An OpenAI-compatible server. */
  record OpenAi(String baseUrl, String model) implements ModelSpec {
    public OpenAi {
      requireNonNull(baseUrl, "baseUrl");
      requireNonNull(model, "model");
    }

    @Override
    public String text() {
      return "openai:" + baseUrl + "#" + model;
    }
  }

  /** An Ollama server. */
  record Ollama(String baseUrl, String model) implements ModelSpec {
    public Ollama {
      requireNonNull(baseUrl, "baseUrl");
      requireNonNull(model, "model");
    }

    @Override
    public String text() {
      return "ollama:" + baseUrl + "#" + model;
    }
  }
}
