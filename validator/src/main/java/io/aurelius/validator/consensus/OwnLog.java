package io.aurelius.validator.consensus;

import java.util.List;
import java.util.Optional;

/** This validator's own corpus log, as cosigning needs it. */
public interface OwnLog {
  String origin();

  /** The root of the log's first {@code size} entries, if the log is that long. */
  Optional<byte[]> root(long size);

  /**
   * The RFC 9162 consistency proof from {@code oldSize} to {@code newSize} entries, if the log is
   * {@code newSize} long.
   */
  Optional<List<byte[]>> consistency(long oldSize, long newSize);

  /**
   * The log's latest signed checkpoint note, as the log holds it, unless the log is empty: a peer
   * whose replica lags learns from it that it should catch up.
   */
  Optional<String> latest();
}
