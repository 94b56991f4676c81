package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.hash.ContentId;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a module trial. A candidate passes when at least one measure improves
 * significantly and none worsens significantly and beyond its margin ({@link Metric#margin()}).
 */
public record TrialReport(
    ContentId candidate,
    WorldModelVersion current,
    int configurations,
    List<Long> seeds,
    List<TrialRow> rows) {
  public TrialReport {
    requireNonNull(candidate, "candidate");
    requireNonNull(current, "current");
    seeds = List.copyOf(seeds);
    rows = List.copyOf(rows);
  }

  public boolean passed() {
    return rows.stream().anyMatch(TrialRow::improves) && rows.stream().noneMatch(TrialRow::worsens);
  }

  /** Why it passed or failed, in one line. */
  public String reason() {
    List<String> better =
        rows.stream().filter(TrialRow::improves).map(r -> r.metric().json()).toList();
    List<String> worse =
        rows.stream().filter(TrialRow::worsens).map(r -> r.metric().json()).toList();
    if (!worse.isEmpty()) {
      return "worse: " + String.join(", ", worse);
    }
    return better.isEmpty() ? "no measure improves" : "better: " + String.join(", ", better);
  }

  /** The A/B table, one line per measure. */
  public String table() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-18s %12s %12s %12s %26s %10s  %s%n",
                "measure",
                "current",
                "candidate",
                "difference",
                "95% interval",
                "margin",
                "verdict"));
    for (TrialRow r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "%-18s %12.4f %12.4f %+12.4f %26s %10s  %s%n",
              r.metric().json(),
              r.current(),
              r.candidate(),
              r.difference().mean(),
              r.difference().n() < 2
                  ? "(one pair: no interval)"
                  : String.format(
                      Locale.ROOT, "[%+.4f, %+.4f]", r.difference().low(), r.difference().high()),
              r.metric().margin() == 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.0f%%", r.metric().margin() * 100),
              r.verdict()));
    }
    b.append(passed() ? "PASS (" : "FAIL (").append(reason()).append(")\n");
    return b.toString();
  }
}
