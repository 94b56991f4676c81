package io.aurelius.config.cel;

import static java.util.Objects.requireNonNull;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.aurelius.config.model.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.TreeSet;

/**
 * A type-checked CEL program, ready to evaluate against {@link Bindings}. Immutable and safe to
 * share between threads. Failures are {@link EvaluationException}s naming {@link #path()}.
 */
public final class CompiledExpression {
  private final String path;
  private final String source;
  private final ExprType resultType;
  private final Set<String> reads;
  private final CelRuntime.Program program;

  CompiledExpression(
      String path,
      String source,
      ExprType resultType,
      Set<String> reads,
      CelRuntime.Program program) {
    this.path = path;
    this.source = source;
    this.resultType = resultType;
    this.reads = Set.copyOf(reads);
    this.program = program;
  }

  /** Where the expression was written, e.g. {@code $.actions[0].precondition}. */
  public String path() {
    return path;
  }

  public String source() {
    return source;
  }

  public ExprType resultType() {
    return resultType;
  }

  /** The qualified names of the variables the expression reads; each must be bound. */
  public Set<String> reads() {
    return reads;
  }

  /**
   * Evaluates the expression. The result is a {@link Long}, {@link Double}, {@link Boolean} or
   * {@link String} for scalar result types.
   */
  public Object evaluate(Bindings bindings) {
    requireNonNull(bindings, "bindings");
    for (String name : reads) {
      if (!bindings.values().containsKey(name)) {
        throw new EvaluationException(
            path
                + ": evaluation failed: '"
                + name
                + "' is not bound (expected: a binding for every variable the expression reads: "
                + String.join(", ", new TreeSet<>(reads))
                + ")");
      }
    }
    Object result;
    try {
      result = program.eval(bindings.values());
    } catch (CelEvaluationException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new EvaluationException(
          path
              + ": evaluation failed: "
              + message.lines().findFirst().orElse(message)
              + " (expression: "
              + source
              + ")",
          e);
    }
    if (resultType instanceof ExprType.Scalar scalar && !scalar.type().accepts(result)) {
      throw new EvaluationException(
          path + ": result " + result + " (expected: " + scalar.text() + ")");
    }
    return result;
  }

  public boolean evaluateBool(Bindings bindings) {
    return (Boolean) expect(ValueType.BOOL, bindings);
  }

  public long evaluateInt(Bindings bindings) {
    return (Long) expect(ValueType.INT, bindings);
  }

  public double evaluateDouble(Bindings bindings) {
    return (Double) expect(ValueType.DOUBLE, bindings);
  }

  public String evaluateString(Bindings bindings) {
    return (String) expect(ValueType.STRING, bindings);
  }

  /** Evaluates and converts the result to text as a template interpolation shows it. */
  public String evaluateText(Bindings bindings) {
    return text(evaluate(bindings));
  }

  /**
   * How a value is shown in narrative: integers in decimal, doubles rounded half-even to at most
   * two decimals without trailing zeros, booleans as {@code true}/{@code false}.
   */
  public static String text(Object value) {
    if (value instanceof Double d) {
      if (!Double.isFinite(d)) {
        return d.toString();
      }
      return BigDecimal.valueOf(d)
          .setScale(2, RoundingMode.HALF_EVEN)
          .stripTrailingZeros()
          .toPlainString();
    }
    return String.valueOf(value);
  }

  private Object expect(ValueType type, Bindings bindings) {
    if (!(resultType instanceof ExprType.Scalar s) || s.type() != type) {
      throw new IllegalStateException(
          path + ": result type " + resultType.text() + " (expected: " + type.celName() + ")");
    }
    return evaluate(bindings);
  }

  @Override
  public String toString() {
    return path + ": " + source;
  }
}
