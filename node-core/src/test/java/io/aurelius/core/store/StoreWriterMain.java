package io.aurelius.core.store;

import java.nio.file.Path;

/** Child process for the crash test: commits rows forever, printing each id once committed. */
public final class StoreWriterMain {
  private StoreWriterMain() {}

  public static void main(String[] args) {
    try (StateStore store = StateStore.open(Path.of(args[0]), StateStoreTest.SCHEMA)) {
      for (long id = 1; ; id++) {
        long committed = id;
        store.inTransaction(c -> StateStoreTest.insert(c, committed));
        System.out.println(committed);
        System.out.flush();
      }
    }
  }
}
