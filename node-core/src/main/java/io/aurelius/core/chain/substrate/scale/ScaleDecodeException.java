package io.aurelius.core.chain.substrate.scale;

/**
 * Bytes that are not the SCALE encoding expected: truncated, an oversized length, an unknown
 * variant, trailing bytes. The message is one line: {@code scale: <path> at offset <n>: <what>
 * (expected: ...)}.
 */
public final class ScaleDecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final int offset;

  public ScaleDecodeException(String path, int offset, String problem) {
    super("scale: " + path + " at offset " + offset + ": " + problem);
    this.path = path;
    this.offset = offset;
  }

  /** Where in the decoded structure the problem was found, e.g. {@code $.pallets[7].name}. */
  public String path() {
    return path;
  }

  /** The byte offset in the input where the item that failed starts. */
  public int offset() {
    return offset;
  }
}
