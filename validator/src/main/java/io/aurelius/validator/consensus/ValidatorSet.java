package io.aurelius.validator.consensus;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.KeyId;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** The registered validators and their stake, as of one metagraph. */
public record ValidatorSet(Map<KeyId, Long> stakes) {
  public ValidatorSet {
    stakes = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(stakes, "stakes")));
  }

  public static final ValidatorSet EMPTY = new ValidatorSet(Map.of());

  public OptionalLong stake(KeyId validator) {
    Long s = stakes.get(validator);
    return s == null ? OptionalLong.empty() : OptionalLong.of(s);
  }

  public boolean contains(KeyId validator) {
    return stakes.containsKey(validator);
  }

  public long total() {
    return stakes.values().stream().mapToLong(Long::longValue).sum();
  }
}
