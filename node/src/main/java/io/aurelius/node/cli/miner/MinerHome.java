package io.aurelius.node.cli.miner;

import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.library.LibraryException;
import io.aurelius.miner.remote.RemoteException;
import io.aurelius.node.cli.CommandFailedException;
import io.aurelius.node.cli.UserInputException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The miner's files under the node home, and its errors as the CLI's exceptions. */
final class MinerHome {
  private MinerHome() {}

  static ConfigLibrary openLibrary(Path home) {
    return call(() -> ConfigLibrary.open(ConfigLibrary.inHome(home)));
  }

  /** Where {@code fork} makes its temporary repositories. */
  static Path fetchDir(Path home) {
    return home.resolve("miner").resolve("tmp");
  }

  /** Runs a library or remote operation, translating its failure to exit codes 2 or 1. */
  static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (LibraryException e) {
      throw e.isBadInput()
          ? new UserInputException(e.getMessage(), e)
          : new CommandFailedException(e.getMessage(), e);
    } catch (RemoteException e) {
      throw e.isBadInput()
          ? new UserInputException(e.getMessage(), e)
          : new CommandFailedException(e.getMessage(), e);
    }
  }
}
