package io.aurelius.validator.modules;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.Signature;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.core.identity.KeyId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The share of the weights that goes to the authors of adopted modules (the key that signed the
 * module). Each adoption younger than the decay window counts {@code 1 - age / decayEpochs}; the
 * share is split in proportion, and of each adoption's part a fork's parent's author (by lineage,
 * when the parent is in the adopted set and signed) gets {@code parentShare}. With no adoption in
 * the window the share is not taken.
 */
public final class ModuleRewards {
  private final ModuleSettings settings;

  public ModuleRewards(ModuleSettings settings) {
    this.settings = requireNonNull(settings, "settings");
  }

  /** An adopted module and the epoch it was adopted in. */
  public record Adopted(Module module, long epoch) {
    public Adopted {
      requireNonNull(module, "module");
    }
  }

  /** Weight by author hotkey, summing to the reward share (or to nothing). */
  public Map<KeyId, Double> weights(List<Adopted> adopted, ModuleSet set, long epoch) {
    Map<Adopted, Double> live = new LinkedHashMap<>();
    double sum = 0;
    for (Adopted a : adopted) {
      long age = epoch - a.epoch();
      if (age < 0 || age >= settings.decayEpochs() || author(a.module()).isEmpty()) {
        continue;
      }
      double w = 1.0 - (double) age / settings.decayEpochs();
      live.put(a, w);
      sum += w;
    }
    Map<KeyId, Double> out = new LinkedHashMap<>();
    for (Map.Entry<Adopted, Double> e : live.entrySet()) {
      double part = settings.rewardShare() * e.getValue() / sum;
      Module m = e.getKey().module();
      Optional<KeyId> parentAuthor =
          m.info().parent().flatMap(set::find).flatMap(ModuleRewards::author);
      double toParent = parentAuthor.isPresent() ? part * settings.parentShare() : 0;
      out.merge(author(m).orElseThrow(), part - toParent, Double::sum);
      parentAuthor.ifPresent(p -> out.merge(p, toParent, Double::sum));
    }
    return out;
  }

  private static Optional<KeyId> author(Module m) {
    return m.info().signature().map(Signature::author);
  }
}
