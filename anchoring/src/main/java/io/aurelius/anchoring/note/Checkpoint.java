package io.aurelius.anchoring.note;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A tlog-checkpoint body: origin, tree size (decimal, no leading zeros), base64 root hash and
 * optional extension lines, each line ending in a newline. Sizes above 2^63−1 are refused.
 */
public record Checkpoint(String origin, long size, byte[] root, List<String> extensions) {
  public static final int ROOT_LENGTH = 32;
  private static final int MAX_EXTENSIONS = 16;

  public Checkpoint {
    requireNonNull(origin, "origin");
    requireNonNull(root, "root");
    extensions = List.copyOf(extensions);
    if (origin.isEmpty() || origin.contains("\n")) {
      throw new IllegalArgumentException(
          "checkpoint origin: '" + origin + "' (expected: one non-empty line)");
    }
    if (size < 0) {
      throw new IllegalArgumentException("checkpoint size: " + size + " (expected: ≥ 0)");
    }
    if (root.length != ROOT_LENGTH) {
      throw new IllegalArgumentException(
          "checkpoint root: " + root.length + " bytes (expected: 32)");
    }
    for (String e : extensions) {
      if (e.isEmpty() || e.contains("\n")) {
        throw new IllegalArgumentException(
            "checkpoint extension line: '" + e + "' (expected: one non-empty line)");
      }
    }
    root = root.clone();
  }

  public Checkpoint(String origin, long size, byte[] root) {
    this(origin, size, root, List.of());
  }

  @Override
  public byte[] root() {
    return root.clone();
  }

  public String rootBase64() {
    return Base64.getEncoder().encodeToString(root);
  }

  /** The note text: {@code origin\nsize\nroot\n[extension\n]*}. */
  public String text() {
    StringBuilder out =
        new StringBuilder()
            .append(origin)
            .append('\n')
            .append(size)
            .append('\n')
            .append(rootBase64())
            .append('\n');
    extensions.forEach(e -> out.append(e).append('\n'));
    return out.toString();
  }

  public static Checkpoint parse(String text) throws MalformedNoteException {
    requireNonNull(text, "text");
    if (!text.endsWith("\n")) {
      throw new MalformedNoteException("checkpoint: text does not end in a newline");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new MalformedNoteException(
          "checkpoint: " + lines.length + " lines (expected: origin, size, root)");
    }
    if (lines[0].isEmpty()) {
      throw new MalformedNoteException("checkpoint: empty origin line");
    }
    long size = parseSize(lines[1]);
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2]);
    } catch (IllegalArgumentException e) {
      throw new MalformedNoteException(
          "checkpoint root: '" + SignedNote.abbreviate(lines[2]) + "' is not base64");
    }
    if (root.length != ROOT_LENGTH || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
      throw new MalformedNoteException(
          "checkpoint root: " + root.length + " bytes (expected: 32, canonical base64)");
    }
    List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
    if (extensions.size() > MAX_EXTENSIONS) {
      throw new MalformedNoteException(
          "checkpoint: "
              + extensions.size()
              + " extension lines (expected: at most "
              + MAX_EXTENSIONS
              + ")");
    }
    for (String e : extensions) {
      if (e.isEmpty()) {
        throw new MalformedNoteException("checkpoint: empty extension line");
      }
    }
    return new Checkpoint(lines[0], size, root, extensions);
  }

  private static long parseSize(String s) throws MalformedNoteException {
    if (!s.matches("0|[1-9][0-9]{0,25}")) {
      throw new MalformedNoteException(
          "checkpoint size: '"
              + SignedNote.abbreviate(s)
              + "' (expected: a decimal number without leading zeros)");
    }
    if (s.length() > 19
        || new java.math.BigInteger(s).compareTo(java.math.BigInteger.valueOf(Long.MAX_VALUE))
            > 0) {
      throw new MalformedNoteException(
          "checkpoint size: " + s + " (expected: 0.." + Long.MAX_VALUE + ")");
    }
    return Long.parseLong(s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Checkpoint c
        && c.origin.equals(origin)
        && c.size == size
        && Arrays.equals(c.root, root)
        && c.extensions.equals(extensions);
  }

  @Override
  public int hashCode() {
    return origin.hashCode() * 31 + Long.hashCode(size) + Arrays.hashCode(root);
  }

  @Override
  public String toString() {
    return origin + " @ " + size + " " + rootBase64();
  }
}
