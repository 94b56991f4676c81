package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

/**
 * One CEL expression as written in a configuration, with the JSON path it came from. The path is
 * the key under which the compiled program is found (see {@code
 * io.aurelius.config.CompiledConfig#expression}). For an interpolation inside a template the path
 * is the template's path followed by {@code @} and the character offset of its opening braces, e.g.
 * {@code $.observations[0].immersive@14}.
 */
public record Expression(String source, String path) {
  public Expression {
    requireNonNull(source, "source");
    requireNonNull(path, "path");
  }
}
