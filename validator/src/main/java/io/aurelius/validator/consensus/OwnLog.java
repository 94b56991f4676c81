package io.aurelius.validator.consensus;

import java.util.Optional;

/** This validator's own corpus log, as cosigning needs it. */
public interface OwnLog {
  String origin();

  /** The root of the log's first {@code size} entries, if the log is that long. */
  Optional<byte[]> root(long size);
}
