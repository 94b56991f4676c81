package io.aurelius.config.cel;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the pattern of every {@code matches} call when an expression is compiled, so a pattern
 * that would be refused (or cost gigabytes) at run time is refused at validation, where it is. The
 * pattern must be a string literal: one computed from the world's state or an agent's parameter
 * could not be checked until the simulation runs.
 */
final class PatternCheck {
  private PatternCheck() {}

  static List<CelProblem> patterns(CelAbstractSyntaxTree parsed, RegexBudget budget) {
    List<CelProblem> problems = new ArrayList<>();
    Map<Long, Integer> positions = parsed.getSource().getPositionsMap();
    CelNavigableAst.fromAst(parsed)
        .getRoot()
        .allNodes()
        .filter(n -> n.getKind() == CelExpr.ExprKind.Kind.CALL)
        .map(n -> n.expr())
        .filter(e -> e.call().function().equals("matches"))
        .forEach(
            e -> {
              CelExpr.CelCall call = e.call();
              int index = call.target().isPresent() ? 0 : 1;
              if (call.args().size() != index + 1) {
                return; // the type checker names the wrong arity
              }
              CelExpr pattern = call.args().get(index);
              int offset = positions.getOrDefault(pattern.id(), positions.getOrDefault(e.id(), -1));
              if (pattern.getKind() != CelExpr.ExprKind.Kind.CONSTANT) {
                problems.add(
                    new CelProblem(
                        CelProblem.Kind.LIMIT,
                        offset,
                        "a matches() pattern is computed (expected: a string literal)"));
                return;
              }
              if (pattern.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                return; // the type checker names the wrong type
              }
              budget
                  .refusal(pattern.constant().stringValue())
                  .ifPresent(
                      why -> problems.add(new CelProblem(CelProblem.Kind.LIMIT, offset, why)));
            });
    return problems;
  }
}
