package io.aurelius.node.cli.bench;

import java.util.List;

/**
 * A further measurement printed by a bench command after its own figures, in the same run; returns
 * its report lines.
 */
@FunctionalInterface
public interface BenchFigure {
  List<String> measure() throws Exception;
}
