package io.aurelius.config.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Text with CEL interpolations written {@code {{ expr }}}, as written at {@code path}. A template
 * is rendered by concatenating its parts, each interpolation converted to text (integers in
 * decimal, doubles as CEL prints them, booleans as {@code true}/{@code false}).
 */
public record Template(String source, String path, List<Part> parts) {
  public Template {
    requireNonNull(source, "source");
    requireNonNull(path, "path");
    parts = List.copyOf(parts);
  }

  /** A template with no interpolation. */
  public static Template literal(String text, String path) {
    return new Template(text, path, text.isEmpty() ? List.of() : List.of(new Literal(text)));
  }

  /** The interpolations, in order. */
  public List<Expression> expressions() {
    return parts.stream()
        .filter(Interpolation.class::isInstance)
        .map(p -> ((Interpolation) p).expression())
        .toList();
  }

  /** A piece of a template. */
  public sealed interface Part permits Literal, Interpolation {}

  /** Literal text, copied as is. */
  public record Literal(String text) implements Part {
    public Literal {
      requireNonNull(text, "text");
    }
  }

  /** {@code {{ expr }}} starting at character {@code offset} of the template source. */
  public record Interpolation(Expression expression, int offset) implements Part {
    public Interpolation {
      requireNonNull(expression, "expression");
    }
  }
}
