package io.aurelius.config.cel;

import static java.util.Objects.requireNonNull;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSource;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;
import io.aurelius.config.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles CEL expressions against declared variables under {@link CelLimits}. Compilers are cached
 * per set of declarations; the engine is thread-safe.
 */
public final class CelEngine {
  private static final int CANDIDATES_CUT = 160;
  private static final int MAX_CACHED_COMPILERS = 128;

  private final CelLimits limits;
  private final CelOptions options;
  private final CelRuntime runtime;
  private final RegexBudget regexes;

  /**
   * Compilers by declaration set, least recently used dropped first: hostile input is unbounded.
   */
  private final Map<Map<String, ExprType>, CelCompiler> compilers =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(
                Map.Entry<Map<String, ExprType>, CelCompiler> eldest) {
              return size() > MAX_CACHED_COMPILERS;
            }
          });

  public CelEngine(CelLimits limits) {
    this.limits = requireNonNull(limits, "limits");
    this.options =
        CelOptions.current()
            .maxExpressionCodePointSize(limits.maxSourceChars())
            .maxParseRecursionDepth(limits.maxNesting() * 4)
            .maxParseExpressionNodeCount(limits.maxNodes() * 4)
            .comprehensionMaxIterations(limits.maxComprehensionIterations())
            .maxRegexProgramSize(limits.maxRegexProgramSize())
            .build();
    this.regexes = new RegexBudget(limits, options.enableRegexPartialMatch());
    // The standard matches compiles a pattern before measuring it, on every evaluation.
    this.runtime =
        CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(options)
            .setStandardEnvironmentEnabled(false)
            .setStandardFunctions(
                CelStandardFunctions.newBuilder()
                    .excludeFunctions(CelStandardFunctions.StandardFunction.MATCHES)
                    .build())
            .addFunctionBindings(regexes.bindings())
            .build();
  }

  public CelLimits limits() {
    return limits;
  }

  /**
   * Parses, limits, resolves and type-checks {@code source} against {@code declared} (qualified
   * variable name to type). {@code path} names the expression in run-time errors.
   */
  public Compilation compile(String path, String source, Map<String, ExprType> declared) {
    return compile(path, source, declared, Constraints.NONE);
  }

  /** As {@link #compile(String, String, Map)}, also enforcing {@code constraints}. */
  public Compilation compile(
      String path, String source, Map<String, ExprType> declared, Constraints constraints) {
    requireNonNull(constraints, "constraints");
    requireNonNull(path, "path");
    requireNonNull(source, "source");
    requireNonNull(declared, "declared");
    int chars = source.codePointCount(0, source.length());
    if (chars > limits.maxSourceChars()) {
      return fail(
          CelProblem.Kind.LIMIT,
          -1,
          "expression is "
              + chars
              + " characters (expected: at most "
              + limits.maxSourceChars()
              + ")");
    }
    if (source.isBlank()) {
      return fail(CelProblem.Kind.SYNTAX, 0, "empty expression (expected: a CEL expression)");
    }
    CelCompiler compiler = compilers.computeIfAbsent(new TreeMap<>(declared), this::newCompiler);
    CelValidationResult parsed = compiler.parse(source);
    if (parsed.hasError()) {
      return new Compilation.Failed(issues(parsed, CelProblem.Kind.SYNTAX));
    }
    CelAbstractSyntaxTree ast = ast(parsed);
    List<CelProblem> problems = new ArrayList<>(ReferenceCheck.limits(ast, limits));
    problems.addAll(ReferenceCheck.references(ast, declared, constraints.mapKeys()));
    problems.addAll(ReferenceCheck.comparisons(ast, declared, constraints.stringValues()));
    problems.addAll(PatternCheck.patterns(ast, regexes));
    if (!problems.isEmpty()) {
      return new Compilation.Failed(problems);
    }
    CelValidationResult checked = compiler.check(ast);
    if (checked.hasError()) {
      return new Compilation.Failed(issues(checked, CelProblem.Kind.TYPE));
    }
    CelAbstractSyntaxTree checkedAst = ast(checked);
    try {
      CelRuntime.Program program = runtime.createProgram(checkedAst);
      java.util.Set<String> reads = new java.util.TreeSet<>();
      checkedAst.getReferenceMap().values().stream()
          .filter(r -> r.overloadIds().isEmpty() && r.value().isEmpty())
          .forEach(r -> reads.add(r.name()));
      reads.removeAll(ReferenceCheck.comprehensionVariables(checkedAst));
      return new Compilation.Compiled(
          new CompiledExpression(path, source, type(checkedAst.getResultType()), reads, program));
    } catch (CelEvaluationException e) {
      return fail(CelProblem.Kind.TYPE, -1, firstLine(e.getMessage()));
    }
  }

  private CelCompiler newCompiler(Map<String, ExprType> declared) {
    CelCompilerBuilder builder =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
    declared.forEach((name, type) -> builder.addVar(name, celType(type)));
    return builder.build();
  }

  private static CelType celType(ExprType type) {
    if (type instanceof ExprType.Scalar s) {
      return scalar(s.type());
    }
    if (type instanceof ExprType.MapOf m) {
      return MapType.create(SimpleType.STRING, scalar(m.valueType()));
    }
    throw new IllegalArgumentException("cannot declare " + type.text());
  }

  private static CelType scalar(ValueType type) {
    return switch (type) {
      case INT -> SimpleType.INT;
      case DOUBLE -> SimpleType.DOUBLE;
      case BOOL -> SimpleType.BOOL;
      case STRING, TEXT -> SimpleType.STRING;
    };
  }

  private static ExprType type(CelType type) {
    CelKind kind = type.kind();
    return switch (kind) {
      case INT -> new ExprType.Scalar(ValueType.INT);
      case DOUBLE -> new ExprType.Scalar(ValueType.DOUBLE);
      case BOOL -> new ExprType.Scalar(ValueType.BOOL);
      case STRING -> new ExprType.Scalar(ValueType.STRING);
      default -> new ExprType.Other(type.name());
    };
  }

  private static CelAbstractSyntaxTree ast(CelValidationResult result) {
    try {
      return result.getAst();
    } catch (CelValidationException e) {
      throw new IllegalStateException("CEL result without errors has no tree", e);
    }
  }

  private static List<CelProblem> issues(CelValidationResult result, CelProblem.Kind kind) {
    List<CelProblem> problems = new ArrayList<>();
    CelSource source = result.getSource();
    for (CelIssue issue : result.getErrors()) {
      int offset = source.getLocationOffset(issue.getSourceLocation()).orElse(-1);
      String message = firstLine(issue.getMessage());
      int cut = message.indexOf(" (candidates:");
      if (cut > 0) {
        message = message.substring(0, cut);
      }
      if (message.length() > CANDIDATES_CUT) {
        message = message.substring(0, CANDIDATES_CUT) + "...";
      }
      CelProblem.Kind k =
          message.contains("recursion")
                  || message.contains("node count")
                  || message.contains("exceeds")
              ? CelProblem.Kind.LIMIT
              : kind;
      problems.add(new CelProblem(k, offset, message));
      if (problems.size() >= 5) {
        break;
      }
    }
    if (problems.isEmpty()) {
      problems.add(new CelProblem(kind, -1, firstLine(result.getErrorString())));
    }
    return problems;
  }

  private static Compilation fail(CelProblem.Kind kind, int offset, String message) {
    return new Compilation.Failed(List.of(new CelProblem(kind, offset, message)));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    return message.lines().findFirst().orElse(message);
  }
}
