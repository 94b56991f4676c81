package io.aurelius.worldmodel.sim.server;

import java.util.SplittableRandom;

/** Ways a model's answer goes wrong in practice, applied on demand to a good answer. */
final class Malformations {
  private Malformations() {}

  static String corrupt(String good, SplittableRandom rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> "I think the best thing to do here is to wait and see what happens next.";
      case 1 -> good.substring(0, Math.max(1, good.length() / 2));
      case 2 -> good.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"something_else\"");
      default -> "```json\n" + good.replaceFirst("\"reasoning\"", "\"thoughts\"") + "\n```";
    };
  }
}
