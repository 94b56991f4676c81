package io.aurelius.worldmodel.mechanics;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.CompiledConfig;
import io.aurelius.config.CompiledTemplate;
import io.aurelius.config.cel.Bindings;
import io.aurelius.config.cel.CompiledExpression;
import io.aurelius.config.cel.EvaluationException;
import io.aurelius.config.model.Expression;
import io.aurelius.config.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluator of one step: every expression and template of the configuration goes through it, so
 * failures are recorded with their path and the step's budget is kept. Not thread-safe; make one
 * per step with {@link #forStep}.
 */
public final class Mechanics {
  private final CompiledConfig config;
  private final StepBudget budget;
  private final Map<Template, CompiledTemplate> templates;
  private final List<MechanicFailure> failures = new ArrayList<>();
  private long celNanos;
  private int evaluations;
  private boolean exhausted;
  private int skipped;

  private Mechanics(
      CompiledConfig config, StepBudget budget, Map<Template, CompiledTemplate> templates) {
    this.config = config;
    this.budget = budget;
    this.templates = templates;
  }

  /** A fresh evaluator for one step; {@code templates} caches compiled templates across steps. */
  public static Mechanics forStep(
      CompiledConfig config, StepBudget budget, Map<Template, CompiledTemplate> templates) {
    return new Mechanics(
        requireNonNull(config, "config"),
        requireNonNull(budget, "budget"),
        requireNonNull(templates, "templates"));
  }

  /** A cache for {@link #forStep}, keyed by template identity (templates come from one config). */
  public static Map<Template, CompiledTemplate> templateCache() {
    return new java.util.IdentityHashMap<>();
  }

  /** The value of {@code expression}, or empty when it failed or the budget is spent (recorded). */
  public Optional<Object> evaluate(Expression expression, Bindings bindings) {
    if (!admit(expression.path())) {
      return Optional.empty();
    }
    long start = cpuNanos();
    try {
      CompiledExpression program = config.expression(expression);
      return Optional.of(program.evaluate(bindings));
    } catch (EvaluationException | IllegalArgumentException | IllegalStateException e) {
      failures.add(new MechanicFailure(expression.path(), oneLine(e.getMessage())));
      return Optional.empty();
    } finally {
      account(start);
    }
  }

  /** A boolean expression; a failure counts as {@code otherwise}. */
  public boolean test(Expression expression, Bindings bindings, boolean otherwise) {
    return evaluate(expression, bindings)
        .map(v -> v instanceof Boolean b ? b : otherwise)
        .orElse(otherwise);
  }

  /**
   * The rendered template, or empty when an interpolation failed or the budget is spent (recorded).
   */
  public Optional<String> render(Template template, Bindings bindings) {
    if (template.parts().stream().noneMatch(p -> p instanceof Template.Interpolation)) {
      return Optional.of(template.source().isEmpty() ? "" : literal(template));
    }
    if (!admit(template.path())) {
      return Optional.empty();
    }
    long start = cpuNanos();
    try {
      return Optional.of(templates.computeIfAbsent(template, config::template).render(bindings));
    } catch (EvaluationException | IllegalArgumentException | IllegalStateException e) {
      failures.add(new MechanicFailure(template.path(), oneLine(e.getMessage())));
      return Optional.empty();
    } finally {
      account(start);
    }
  }

  private static String literal(Template t) {
    StringBuilder b = new StringBuilder();
    t.parts().forEach(p -> b.append(((Template.Literal) p).text()));
    return b.toString();
  }

  private boolean admit(String path) {
    if (exhausted) {
      skipped++;
      return false;
    }
    if (evaluations >= budget.maxEvaluations() || celNanos > budget.celTime().toNanos()) {
      exhausted = true;
      failures.add(
          new MechanicFailure(
              path,
              "skipped: the step's mechanics budget is spent ("
                  + evaluations
                  + " evaluations, "
                  + celNanos / 1_000_000
                  + " ms of CEL; expected: at most "
                  + budget.maxEvaluations()
                  + " and "
                  + budget.celTime().toMillis()
                  + " ms of CPU)"));
      return false;
    }
    return true;
  }

  private void account(long start) {
    celNanos += cpuNanos() - start;
    evaluations++;
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported();

  /**
   * The CPU time of this thread: unlike wall time it does not grow while the thread waits for a
   * core, so a busy machine does not make a step's mechanics run out of budget.
   */
  private static long cpuNanos() {
    return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** Records a failure found outside CEL (a refused assignment, say). */
  public void record(MechanicFailure failure) {
    failures.add(requireNonNull(failure, "failure"));
  }

  /**
   * Every failure of the step; mechanics skipped after the budget was spent are summed up in one.
   */
  public List<MechanicFailure> failures() {
    if (skipped == 0) {
      return List.copyOf(failures);
    }
    List<MechanicFailure> all = new ArrayList<>(failures);
    all.add(
        new MechanicFailure(
            "step", "skipped " + skipped + " more mechanics after the budget was spent"));
    return List.copyOf(all);
  }

  public int evaluations() {
    return evaluations;
  }

  public boolean exhausted() {
    return exhausted;
  }

  private static String oneLine(String message) {
    if (message == null) {
      return "failed";
    }
    return message.lines().findFirst().orElse(message);
  }
}
