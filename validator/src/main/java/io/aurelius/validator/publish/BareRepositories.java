package io.aurelius.validator.publish;

import io.aurelius.core.identity.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens the bare repositories a validator publishes, creating one on first use. */
final class BareRepositories {
  static final String BRANCH = "refs/heads/main";

  private BareRepositories() {}

  /**
   * The bare repository at {@code dir}, created (owner-only parent, HEAD on {@link #BRANCH}) when
   * missing; {@code what} names it in the one-line error.
   */
  static Repository openOrCreate(Path dir, String what) {
    try {
      boolean fresh = !Files.exists(dir);
      Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).build();
      if (fresh) {
        OwnerOnlyFiles.createDirectories(dir.getParent());
        repo.create(true);
        RefUpdate head = repo.updateRef(Constants.HEAD);
        head.disableRefLog();
        head.link(BRANCH);
      }
      return repo;
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot open " + what + ": " + e.getMessage(), e);
    }
  }
}
