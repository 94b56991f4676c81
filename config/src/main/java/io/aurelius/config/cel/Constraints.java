package io.aurelius.config.cel;

import java.util.Map;
import java.util.Set;

/**
 * What the type checker cannot know: the keys every declared map has ({@code m.key} must use one),
 * and the values a string variable or map can hold ({@code x == 'lit'} and {@code x != 'lit'} must
 * compare with one of them, so a misspelt action name or state value is a reference error, not a
 * condition that is silently never true).
 */
public record Constraints(Set<String> mapKeys, Map<String, Set<String>> stringValues) {
  public static final Constraints NONE = new Constraints(Set.of(), Map.of());

  public Constraints {
    mapKeys = Set.copyOf(mapKeys);
    stringValues = Map.copyOf(stringValues);
  }
}
