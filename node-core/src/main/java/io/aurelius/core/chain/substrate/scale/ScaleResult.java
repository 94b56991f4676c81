package io.aurelius.core.chain.substrate.scale;

import static java.util.Objects.requireNonNull;

/** A decoded SCALE {@code Result<T, E>}. */
public sealed interface ScaleResult<T, E> {
  record Ok<T, E>(T value) implements ScaleResult<T, E> {
    public Ok {
      requireNonNull(value, "value");
    }
  }

  record Err<T, E>(E error) implements ScaleResult<T, E> {
    public Err {
      requireNonNull(error, "error");
    }
  }
}
