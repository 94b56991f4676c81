package io.aurelius.worldmodel.framing;

import io.aurelius.config.model.Action;
import io.aurelius.config.model.Agent;
import io.aurelius.config.model.Framing;
import io.aurelius.config.module.FramingPack;
import java.util.Optional;

/** The fixed phrases of one framing; everything else comes from the configuration. */
abstract class Wording {
  static Wording of(Framing framing) {
    return framing == Framing.IMMERSIVE ? new ImmersiveWording() : new ControlWording();
  }

  /** The framing's wording with a framing pack's phrases in place of its own. */
  static Wording of(Framing framing, Optional<FramingPack> pack) {
    Wording base = of(framing);
    return pack.isEmpty() ? base : new RephrasedWording(base, framing, pack.get());
  }

  /** One line summing up turns older than the memory window. */
  abstract String olderLine(Turn.Recollection older);

  abstract String system(Agent agent);

  abstract String reasoningDescription();

  abstract String reflectLabel();

  abstract String actionLabel(Action action);

  abstract String stepLine(Turn turn);

  abstract String memoryHeader();

  abstract String memoryLine(Turn.Memory memory);

  abstract String newsHeader();

  abstract String menuHeader();

  abstract String ruleOf(Action action);

  /**
   * What an agent learns when its action did not happen; {@code label} is its action's label, or
   * empty.
   */
  abstract String invalidNotice(String name, String label, String reason);

  /** "1 to 30", "one of: a, b", ... */
  abstract String bounds(String kind, String detail);
}
