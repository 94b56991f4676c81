package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import io.aurelius.anchoring.covenant.CovenantLog;
import io.aurelius.anchoring.covenant.InvalidCovenantException;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.log.LogException;
import io.aurelius.worldmodel.outcome.UlfrWeights;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ULFR weights in force under the covenant at the head of a covenant log (a bare git
 * repository), read afresh on every call: once a recalibration amendment is appended, the next
 * epoch scores with its weights and names its version. {@code ulfr-v1} while the covenant has no
 * {@code parameters.ulfr}.
 */
public final class CovenantUlfr implements Supplier<UlfrWeights> {
  private final Path log;

  public CovenantUlfr(Path log) {
    this.log = requireNonNull(log, "log");
  }

  /** The weights of the covenant at {@code log}, or {@code ulfr-v1} always without one. */
  public static Supplier<UlfrWeights> of(Optional<Path> log) {
    return log.<Supplier<UlfrWeights>>map(CovenantUlfr::new).orElse(() -> UlfrWeights.V1);
  }

  /**
   * @throws IllegalStateException one line naming the log's directory and what is wrong with it
   */
  @Override
  public UlfrWeights get() {
    try (GitLog opened = GitLog.open(log)) {
      return UlfrWeights.fromCovenant(CovenantLog.replay(opened.head()).parameters());
    } catch (LogException e) {
      throw new IllegalStateException(e.getMessage(), e); // names the directory already
    } catch (InvalidCovenantException | IllegalArgumentException e) {
      throw new IllegalStateException(log + ": " + e.getMessage(), e);
    }
  }
}
