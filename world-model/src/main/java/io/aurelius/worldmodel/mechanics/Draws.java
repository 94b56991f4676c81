package io.aurelius.worldmodel.mechanics;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Resolution;
import io.aurelius.worldmodel.seed.SplitMix64;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares a contested world quantity among the agents drawing on it in one step. When total demand
 * fits, everyone gets what they asked. Otherwise, by rule:
 *
 * <ul>
 *   <li>{@code proportional}: each gets the floor of {@code available × demand / total}; for an int
 *       quantity the units left over go one at a time, cycling through the still-short agents in an
 *       order shuffled from the seed;
 *   <li>{@code priority_random}: agents in an order shuffled from the seed, each served in full
 *       while anything is left;
 *   <li>{@code equal_split}: equal shares capped at each demand, the excess of the capped
 *       redistributed (water-filling); int leftovers one at a time in the seeded order.
 * </ul>
 *
 * Demands are taken in the order given (the configuration's agent order), so the result is a pure
 * function of demands, availability, rule and seed.
 */
public final class Draws {
  private Draws() {}

  /** One agent's claim; negative demands count as zero. */
  public record Demand(String agent, double amount) {
    public Demand {
      requireNonNull(agent, "agent");
    }
  }

  /** Granted amounts by agent, in demand order; {@code Long}s when {@code integral}. */
  public static Map<String, Number> resolve(
      List<Demand> demands,
      double available,
      boolean integral,
      Resolution rule,
      SplitMix64 random) {
    requireNonNull(demands, "demands");
    requireNonNull(rule, "rule");
    requireNonNull(random, "random");
    double avail = Math.max(0, available);
    return integral
        ? integral(demands, (long) Math.floor(avail), rule, random)
        : real(demands, avail, rule, random);
  }

  private static Map<String, Number> integral(
      List<Demand> demands, long available, Resolution rule, SplitMix64 rnd) {
    int n = demands.size();
    long[] want = new long[n];
    long total = 0;
    for (int i = 0; i < n; i++) {
      want[i] = (long) Math.max(0, Math.floor(demands.get(i).amount()));
      total = saturatedAdd(total, want[i]);
    }
    long[] got = new long[n];
    if (total <= available) {
      System.arraycopy(want, 0, got, 0, n);
      return result(demands, got);
    }
    List<Integer> order = rnd.shuffled(indices(n));
    long left = available;
    switch (rule) {
      case PROPORTIONAL -> {
        // Shares of the exact total: of a saturated one they could add up to more than is
        // available.
        BigInteger exact = BigInteger.ZERO;
        for (long w : want) {
          exact = exact.add(BigInteger.valueOf(w));
        }
        for (int i = 0; i < n; i++) {
          got[i] =
              Math.min(
                  want[i],
                  BigInteger.valueOf(available)
                      .multiply(BigInteger.valueOf(want[i]))
                      .divide(exact)
                      .longValueExact());
          left -= got[i];
        }
        left = roundRobin(order, want, got, left);
      }
      case PRIORITY_RANDOM -> {
        for (int i : order) {
          got[i] = Math.min(want[i], left);
          left -= got[i];
        }
      }
      case EQUAL_SPLIT -> {
        while (left > 0) {
          List<Integer> short_ = order.stream().filter(i -> got[i] < want[i]).toList();
          if (short_.isEmpty()) {
            break;
          }
          long share = left / short_.size();
          if (share == 0) {
            left = roundRobin(order, want, got, left);
            break;
          }
          for (int i : short_) {
            long give = Math.min(share, want[i] - got[i]);
            got[i] += give;
            left -= give;
          }
        }
      }
    }
    return result(demands, got);
  }

  /** One unit each to the still-short agents, cycling in {@code order}, until none is left. */
  private static long roundRobin(List<Integer> order, long[] want, long[] got, long left) {
    while (left > 0) {
      boolean gave = false;
      for (int i : order) {
        if (left > 0 && got[i] < want[i]) {
          got[i]++;
          left--;
          gave = true;
        }
      }
      if (!gave) {
        break;
      }
    }
    return left;
  }

  private static Map<String, Number> real(
      List<Demand> demands, double available, Resolution rule, SplitMix64 rnd) {
    int n = demands.size();
    double[] want = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      want[i] = Math.max(0, demands.get(i).amount());
      total += want[i];
    }
    double[] got = new double[n];
    if (total <= available) {
      System.arraycopy(want, 0, got, 0, n);
    } else {
      List<Integer> order = rnd.shuffled(indices(n));
      switch (rule) {
        case PROPORTIONAL -> {
          for (int i = 0; i < n; i++) {
            got[i] = Math.min(want[i], available * want[i] / total);
          }
        }
        case PRIORITY_RANDOM -> {
          double left = available;
          for (int i : order) {
            got[i] = Math.min(want[i], left);
            left -= got[i];
          }
        }
        case EQUAL_SPLIT -> {
          List<Integer> byWant = new ArrayList<>(indices(n));
          byWant.sort(Comparator.comparingDouble(i -> want[i]));
          double left = available;
          for (int k = 0; k < n; k++) {
            int i = byWant.get(k);
            got[i] = Math.min(want[i], left / (n - k));
            left -= got[i];
          }
        }
      }
    }
    Map<String, Number> out = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      out.merge(demands.get(i).agent(), got[i], (a, b) -> a.doubleValue() + b.doubleValue());
    }
    return out;
  }

  private static Map<String, Number> result(List<Demand> demands, long[] got) {
    Map<String, Number> out = new LinkedHashMap<>();
    for (int i = 0; i < got.length; i++) {
      out.merge(demands.get(i).agent(), got[i], (a, b) -> a.longValue() + b.longValue());
    }
    return out;
  }

  private static List<Integer> indices(int n) {
    List<Integer> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(i);
    }
    return list;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
