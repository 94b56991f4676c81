package io.aurelius.anchoring.log;

import java.util.Locale;
import java.util.Optional;

/**
 * Where things live in a log's git tree. Hash tiles follow tlog-tiles exactly ({@code
 * tile/<L>/<N>[.p/<W>]}, N written {@code x001/x234/067}); entry bundles use the same numbering
 * under {@code entries/} as JSONL files of up to 256 lines.
 */
public final class LogPaths {
  public static final String MANIFEST = "log.json";
  public static final String README = "README.md";
  public static final String LATEST_CHECKPOINT = "checkpoint";
  public static final String CHECKPOINTS = "checkpoints";
  public static final String ENTRIES = "entries";
  public static final String TILES = "tile";
  public static final String STAMPS = "stamps";
  public static final String BURNS = "burns";
  public static final int TILE_HEIGHT = 8;
  public static final int TILE_WIDTH = 1 << TILE_HEIGHT;

  private LogPaths() {}

  /** tlog-tiles index path: 1234067 → {@code x001/x234/067}. */
  static String indexPath(long n) {
    String digits = Long.toString(n);
    int pad = (3 - digits.length() % 3) % 3;
    digits = "0".repeat(pad) + digits;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 3) {
      if (i + 3 < digits.length()) {
        out.append('x').append(digits, i, i + 3).append('/');
      } else {
        out.append(digits, i, i + 3);
      }
    }
    return out.toString();
  }

  public static String hashTile(int level, long index, int width) {
    String base = TILES + "/" + level + "/" + indexPath(index);
    return width == TILE_WIDTH ? base : base + ".p/" + width;
  }

  public static String entryBundle(long bundle) {
    return ENTRIES + "/" + indexPath(bundle) + ".jsonl";
  }

  /** Zero-padded so that name order is size order. */
  public static String checkpoint(long size) {
    return CHECKPOINTS + "/" + padded(size);
  }

  public static String stamp(long size) {
    return STAMPS + "/" + padded(size) + ".ots";
  }

  public static String pendingStamp(long size) {
    return STAMPS + "/" + padded(size) + ".pending";
  }

  public static String burn(long entry) {
    return BURNS + "/" + padded(entry) + ".json";
  }

  static String padded(long n) {
    return String.format(Locale.ROOT, "%020d", n);
  }

  /** The number a padded file name stands for, if it is one. */
  static Optional<Long> number(String name, String suffix) {
    if (!name.endsWith(suffix)) {
      return Optional.empty();
    }
    String digits = name.substring(0, name.length() - suffix.length());
    if (!digits.matches("[0-9]{20}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(digits));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
