package io.aurelius.config.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds references into the configuration's namespaces ({@code world.x}, {@code agents.a.x}, ...)
 * that are not declared in the expression's scope, so the author is told the name and the
 * candidates instead of CEL's "undeclared reference to 'world'". Also enforces the structural
 * limits on the parsed tree.
 */
final class ReferenceCheck {
  private static final Map<String, Integer> NAMESPACES =
      Map.of(
          Bindings.WORLD,
          2,
          Bindings.SELF,
          2,
          Bindings.PARAMS,
          2,
          Bindings.BY_AGENT,
          2,
          Bindings.AGENTS,
          3);
  private static final int LISTED = 8;

  private ReferenceCheck() {}

  static List<CelProblem> limits(CelAbstractSyntaxTree parsed, CelLimits limits) {
    List<CelProblem> problems = new ArrayList<>();
    CelNavigableExpr root = CelNavigableAst.fromAst(parsed).getRoot();
    long nodes = root.allNodes().count();
    if (nodes > limits.maxNodes()) {
      problems.add(
          new CelProblem(
              CelProblem.Kind.LIMIT,
              -1,
              "expression has " + nodes + " nodes (expected: at most " + limits.maxNodes() + ")"));
    }
    int height = root.height();
    if (height > limits.maxNesting()) {
      problems.add(
          new CelProblem(
              CelProblem.Kind.LIMIT,
              -1,
              "expression nests "
                  + height
                  + " levels deep (expected: at most "
                  + limits.maxNesting()
                  + ")"));
    }
    int deepest =
        root.allNodes()
            .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION)
            .mapToInt(ReferenceCheck::comprehensionDepth)
            .max()
            .orElse(0);
    if (deepest > limits.maxComprehensionNesting()) {
      problems.add(
          new CelProblem(
              CelProblem.Kind.LIMIT,
              -1,
              "comprehensions nest "
                  + deepest
                  + " deep (expected: at most "
                  + limits.maxComprehensionNesting()
                  + ")"));
    }
    return problems;
  }

  /**
   * Unknown namespaced references, and field selections {@code m.key} on declared maps whose key is
   * not one of {@code mapKeys} (every map of the format is keyed by agent name).
   */
  static List<CelProblem> references(
      CelAbstractSyntaxTree parsed, Map<String, ExprType> declared, Set<String> mapKeys) {
    List<CelProblem> problems = new ArrayList<>();
    Map<Long, Integer> positions = parsed.getSource().getPositionsMap();
    CelNavigableAst.fromAst(parsed)
        .getRoot()
        .allNodes()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.IDENT)
        .forEach(
            node -> {
              String root = node.expr().ident().name();
              if (shadowed(node, root)) {
                return;
              }
              Integer needed = NAMESPACES.get(root);
              if (needed == null) {
                mapKey(node, root, declared, mapKeys, positions).ifPresent(problems::add);
                return;
              }
              List<String> parts = new ArrayList<>(List.of(root));
              CelNavigableExpr current = node;
              while (parts.size() < needed) {
                Optional<CelNavigableExpr> parent = current.parent();
                if (parent.isEmpty()
                    || parent.get().getKind() != CelExpr.ExprKind.Kind.SELECT
                    || parent.get().expr().select().operand().id() != current.id()) {
                  break;
                }
                current = parent.get();
                parts.add(current.expr().select().field());
              }
              String ref = String.join(".", parts);
              int offset = positions.getOrDefault(node.id(), -1);
              if (parts.size() < needed) {
                String shape =
                    root.equals(Bindings.AGENTS) && parts.size() == 2
                        ? ref + ".<var>"
                        : root.equals(Bindings.AGENTS) ? "agents.<name>.<var>" : root + ".<name>";
                problems.add(
                    new CelProblem(
                        CelProblem.Kind.REFERENCE,
                        offset,
                        "'" + ref + "' is a namespace, not a value (expected: " + shape + ")"));
              } else if (!declared.containsKey(ref)) {
                problems.add(
                    new CelProblem(
                        CelProblem.Kind.REFERENCE, offset, unknown(ref, root, declared)));
              } else {
                mapKey(current, ref, declared, mapKeys, positions).ifPresent(problems::add);
              }
            });
    return problems;
  }

  private static Optional<CelProblem> mapKey(
      CelNavigableExpr node,
      String name,
      Map<String, ExprType> declared,
      Set<String> mapKeys,
      Map<Long, Integer> positions) {
    if (!(declared.get(name) instanceof ExprType.MapOf)) {
      return Optional.empty();
    }
    Optional<CelNavigableExpr> parent = node.parent();
    if (parent.isEmpty()
        || parent.get().getKind() != CelExpr.ExprKind.Kind.SELECT
        || parent.get().expr().select().operand().id() != node.id()) {
      return Optional.empty();
    }
    String key = parent.get().expr().select().field();
    if (mapKeys.contains(key)) {
      return Optional.empty();
    }
    return Optional.of(
        new CelProblem(
            CelProblem.Kind.REFERENCE,
            positions.getOrDefault(node.id(), -1),
            "'"
                + name
                + "."
                + key
                + "' names no agent "
                + "(expected: one of "
                + String.join(", ", new TreeSet<>(mapKeys))
                + ")"));
  }

  private static String unknown(String ref, String root, Map<String, ExprType> declared) {
    Set<String> candidates = new TreeSet<>();
    Set<String> roots = new TreeSet<>();
    for (String name : declared.keySet()) {
      int dot = name.indexOf('.');
      roots.add(dot < 0 ? name : name.substring(0, dot) + ".*");
      if (name.startsWith(root + ".")) {
        candidates.add(name);
      }
    }
    if (candidates.isEmpty()) {
      return "'"
          + ref
          + "' is not available here (expected: one of "
          + String.join(", ", roots)
          + ")";
    }
    List<String> shown = new ArrayList<>(candidates);
    String list =
        shown.size() > LISTED
            ? String.join(", ", shown.subList(0, LISTED)) + ", ..."
            : String.join(", ", shown);
    return "'" + ref + "' (expected: one of " + list + ")";
  }

  /**
   * {@code x == 'lit'} and {@code x != 'lit'} where x is a string variable, or a value of a map,
   * with known possible values and 'lit' is not one of them.
   */
  static List<CelProblem> comparisons(
      CelAbstractSyntaxTree parsed,
      Map<String, ExprType> declared,
      Map<String, Set<String>> values) {
    List<CelProblem> problems = new ArrayList<>();
    Map<Long, Integer> positions = parsed.getSource().getPositionsMap();
    CelNavigableAst.fromAst(parsed)
        .getRoot()
        .allNodes()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.CALL)
        .map(n -> n.expr().call())
        .filter(
            c ->
                (c.function().equals("_==_") || c.function().equals("_!=_"))
                    && c.args().size() == 2)
        .forEach(
            c -> {
              for (int i = 0; i < 2; i++) {
                CelExpr subject = c.args().get(i);
                CelExpr other = c.args().get(1 - i);
                if (other.getKind() != CelExpr.ExprKind.Kind.CONSTANT
                    || other.constant().getKind()
                        != dev.cel.common.ast.CelConstant.Kind.STRING_VALUE) {
                  continue;
                }
                String literal = other.constant().stringValue();
                domain(subject, declared, values)
                    .ifPresent(
                        d -> {
                          if (!d.getValue().contains(literal)) {
                            problems.add(
                                new CelProblem(
                                    CelProblem.Kind.REFERENCE,
                                    positions.getOrDefault(other.id(), -1),
                                    "'"
                                        + literal
                                        + "' is not a possible "
                                        + "value of "
                                        + d.getKey()
                                        + " (expected: one of "
                                        + String.join(
                                            ", ",
                                            new TreeSet<>(d.getValue())
                                                .stream().map(v -> v.isEmpty() ? "''" : v).toList())
                                        + ")"));
                          }
                        });
              }
            });
    return problems;
  }

  private static Optional<Map.Entry<String, Set<String>>> domain(
      CelExpr e, Map<String, ExprType> declared, Map<String, Set<String>> values) {
    String name = qualified(e);
    if (name != null && values.containsKey(name)) {
      return Optional.of(Map.entry(name, values.get(name)));
    }
    CelExpr map = null;
    if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && !e.select().testOnly()) {
      map = e.select().operand();
    } else if (e.getKind() == CelExpr.ExprKind.Kind.CALL
        && e.call().function().equals("_[_]")
        && e.call().args().size() == 2) {
      map = e.call().args().get(0);
    }
    String mapName = map == null ? null : qualified(map);
    if (mapName != null
        && declared.get(mapName) instanceof ExprType.MapOf
        && values.containsKey(mapName)) {
      return Optional.of(Map.entry(mapName, values.get(mapName)));
    }
    return Optional.empty();
  }

  private static String qualified(CelExpr e) {
    if (e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
      return e.ident().name();
    }
    if (e.getKind() == CelExpr.ExprKind.Kind.SELECT && !e.select().testOnly()) {
      String operand = qualified(e.select().operand());
      return operand == null ? null : operand + "." + e.select().field();
    }
    return null;
  }

  /** The names a comprehension binds (iteration and accumulator variables). */
  static Set<String> comprehensionVariables(CelAbstractSyntaxTree ast) {
    Set<String> names = new TreeSet<>();
    CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.COMPREHENSION)
        .forEach(
            n -> {
              CelExpr.CelComprehension c = n.expr().comprehension();
              names.add(c.iterVar());
              names.add(c.iterVar2());
              names.add(c.accuVar());
            });
    return names;
  }

  private static boolean shadowed(CelNavigableExpr node, String name) {
    for (Optional<CelNavigableExpr> p = node.parent(); p.isPresent(); p = p.get().parent()) {
      if (p.get().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
        CelExpr.CelComprehension c = p.get().expr().comprehension();
        if (name.equals(c.iterVar()) || name.equals(c.iterVar2()) || name.equals(c.accuVar())) {
          return true;
        }
      }
    }
    return false;
  }

  private static int comprehensionDepth(CelNavigableExpr node) {
    int depth = 1;
    for (Optional<CelNavigableExpr> p = node.parent(); p.isPresent(); p = p.get().parent()) {
      if (p.get().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
        depth++;
      }
    }
    return depth;
  }
}
