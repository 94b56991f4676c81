package io.aurelius.node.cli.bench;

import io.aurelius.core.chain.yuma.YumaBenchmark;
import java.util.List;
import java.util.Locale;

/**
 * The dev chain's Yuma epoch time for a full default subnet (256 UIDs, 128 validators), beside its
 * baseline from the same run: one 256×256 I32F32 matrix-vector product.
 */
final class YumaFigure implements BenchFigure {
  @Override
  public List<String> measure() {
    YumaBenchmark.Result r = YumaBenchmark.run();
    return List.of(
        String.format(
            Locale.ROOT,
            "Yuma epoch            %10.2f ms (median of %d; best %.2f ms; "
                + "%d UIDs, %d validators, dense weights and bonds)",
            r.epochMillis(),
            r.epochs(),
            r.epochNanosMin() / 1e6,
            r.uids(),
            r.validators()),
        String.format(
            Locale.ROOT,
            "Yuma baseline         %10.3f ms (one %dx%d fixed-point matrix-vector "
                + "product, same run); an epoch costs %.0f of them",
            r.baselineNanosMedian() / 1e6,
            r.uids(),
            r.uids(),
            r.ratioToBaseline()));
  }
}
