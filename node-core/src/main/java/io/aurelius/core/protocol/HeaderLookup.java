package io.aurelius.core.protocol;

import java.util.List;

/** Read access to a message's headers by (case-insensitive) name, every occurrence. */
@FunctionalInterface
public interface HeaderLookup {
  List<String> all(String name);
}
