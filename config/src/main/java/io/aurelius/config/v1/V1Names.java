package io.aurelius.config.v1;

import io.aurelius.config.validation.Names;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns SN37 agent names ("Dr. Robert Hayes") into format names ("dr_robert_hayes"). */
final class V1Names {
  private static final int MAX = 30;

  private V1Names() {}

  /** Distinct names for the given display names, in order. */
  static List<String> slugs(List<String> displayNames) {
    Set<String> taken = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < displayNames.size(); i++) {
      String base = slug(displayNames.get(i), i);
      String name = base;
      for (int n = 2; !taken.add(name); n++) {
        String suffix = "_" + n;
        name = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
      }
      out.add(name);
    }
    return out;
  }

  private static String slug(String display, int index) {
    String ascii =
        Normalizer.normalize(display, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String s = ascii.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (s.length() > MAX) {
      s = s.substring(0, MAX).replaceAll("_+$", "");
    }
    if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
      s = ("agent_" + (index + 1) + (s.isEmpty() ? "" : "_" + s));
      s = s.substring(0, Math.min(s.length(), MAX)).replaceAll("_+$", "");
    }
    if (s.length() < 2 || Names.RESERVED.contains(s)) {
      s = s + "_" + (index + 1);
    }
    return s;
  }
}
