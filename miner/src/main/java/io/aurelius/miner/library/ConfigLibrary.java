package io.aurelius.miner.library;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.lineage.ConfigStore;
import io.aurelius.config.lineage.Lineage;
import io.aurelius.config.validation.Limits;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.OwnerOnlyFiles;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The miner's library: a bare git repository with one file per configuration. Created on first use
 * with a README commit, so even an empty library clones cleanly. Reads see the branch tip at the
 * time of the call (another process may add meanwhile); {@link #add} is a compare-and-set on the
 * branch, so two writers never lose each other's commits.
 *
 * <pre>{@code
 * try (ConfigLibrary library = ConfigLibrary.open(ConfigLibrary.inHome(home))) {
 *   LibraryEntry added = library.add(ConfigLoader.load(bytes, "file.json"), Instant.now());
 *   List<LibraryEntry> all = library.snapshot().entries();
 * }
 * }</pre>
 */
public final class ConfigLibrary implements ConfigStore, AutoCloseable {
  /** The library's repository name when served over git smart HTTP. */
  public static final String SERVED_NAME = "configs.git";

  private final Repository repository;
  private final Path directory;

  private ConfigLibrary(Repository repository, Path directory) {
    this.repository = repository;
    this.directory = directory;
  }

  /** {@code <home>/miner/library.git}. */
  public static Path inHome(Path home) {
    return requireNonNull(home, "home").resolve("miner").resolve("library.git");
  }

  /** Opens the bare repository at {@code directory}, creating it if it does not exist. */
  public static ConfigLibrary open(Path directory) {
    requireNonNull(directory, "directory");
    Path dir = directory.toAbsolutePath().normalize();
    try {
      if (!Files.exists(dir)) {
        create(dir);
      }
      Repository repository =
          new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
      if (!repository.isBare() || repository.resolve(LibraryLayout.BRANCH) == null) {
        repository.close();
        throw new LibraryException(
            LibraryException.Kind.STORAGE,
            dir
                + ": not a configuration "
                + "library (expected: a bare repository with "
                + LibraryLayout.BRANCH
                + ")");
      }
      return new ConfigLibrary(repository, dir);
    } catch (IOException e) {
      throw storage(dir + ": cannot open library: " + e.getMessage(), e);
    }
  }

  /** Creates the repository beside its final place and moves it there whole. */
  private static void create(Path dir) throws IOException {
    Path parent = dir.getParent();
    OwnerOnlyFiles.createDirectories(parent);
    Path temp = Files.createTempDirectory(parent, "." + dir.getFileName() + "-");
    try {
      try (Repository repository = new FileRepositoryBuilder().setGitDir(temp.toFile()).build()) {
        repository.create(true);
        RefUpdate head = repository.updateRef(Constants.HEAD);
        head.disableRefLog();
        head.link(LibraryLayout.BRANCH);
        new LibraryWriter(repository)
            .commit(
                ObjectId.zeroId(),
                Map.of(
                    LibraryLayout.README, LibraryLayout.readme().getBytes(StandardCharsets.UTF_8)),
                "Create the configuration library\n",
                Instant.now());
      }
      try {
        Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        temp = null;
      } catch (IOException e) {
        if (!Files.isDirectory(dir)) {
          throw e;
        }
        // another process created it first: use theirs
      }
    } finally {
      if (temp != null) {
        deleteTree(temp);
      }
    }
  }

  public Path directory() {
    return directory;
  }

  /**
   * Adds a validated configuration in a commit of its own, as indented JSON (or canonical JSON when
   * indenting would exceed the format's size limit).
   *
   * @throws LibraryException DUPLICATE when the id is already in the library, TOO_LARGE,
   *     CONCURRENT_UPDATE, or STORAGE
   */
  public synchronized LibraryEntry add(CompiledConfig config, Instant now) {
    requireNonNull(config, "config");
    requireNonNull(now, "now");
    ContentId id = config.id();
    String path = LibraryLayout.pathOf(id);
    JsonNode document = config.document();
    byte[] bytes = fileBytes(document, id);
    try {
      LibraryWriter writer = new LibraryWriter(repository);
      ObjectId tip = writer.tip();
      if (contains(tip, path)) {
        throw new LibraryException(
            LibraryException.Kind.DUPLICATE,
            id.hex() + ": already in the library (" + config.config().name() + ")");
      }
      Optional<ContentId> parent = config.config().parent();
      String message =
          "Add "
              + config.config().name()
              + " ("
              + id.shortHex()
              + ")\n\n"
              + parent.map(p -> "Forked from " + p.hex() + ".\n\n").orElse("")
              + LibraryLayout.CONFIG_TRAILER
              + ": "
              + id.hex()
              + "\n"
              + parent.map(p -> LibraryLayout.PARENT_TRAILER + ": " + p.hex() + "\n").orElse("");
      writer.commit(tip, Map.of(path, bytes), message, now);
      return new LibraryEntry(
          id,
          config.config().name(),
          config.config().title(),
          parent,
          Instant.ofEpochSecond(now.getEpochSecond()),
          path);
    } catch (IOException e) {
      throw storage(directory + ": cannot add " + id.hex() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] fileBytes(JsonNode document, ContentId id) {
    byte[] pretty;
    try {
      byte[] body = Json.prettyWriter().writeValueAsBytes(document);
      pretty = Arrays.copyOf(body, body.length + 1);
      pretty[body.length] = '\n';
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
    if (pretty.length <= Limits.MAX_DOCUMENT_BYTES) {
      return pretty;
    }
    byte[] canonical = CanonicalJson.bytes(document);
    if (canonical.length > Limits.MAX_DOCUMENT_BYTES) {
      throw new LibraryException(
          LibraryException.Kind.TOO_LARGE,
          id.hex()
              + ": "
              + canonical.length
              + " bytes as canonical JSON (expected: at most "
              + Limits.MAX_DOCUMENT_BYTES
              + ")");
    }
    return canonical;
  }

  private boolean contains(ObjectId tip, String path) throws IOException {
    if (tip.equals(ObjectId.zeroId())) {
      return false;
    }
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk found = TreeWalk.forPath(repository, path, walk.parseCommit(tip).getTree())) {
      return found != null;
    }
  }

  /** The library as of its current tip. */
  public LibrarySnapshot snapshot() {
    try {
      return new LibraryReader(repository).read();
    } catch (IOException e) {
      throw storage(directory + ": cannot read library: " + e.getMessage(), e);
    }
  }

  /** The current tip's commit id (hex), which changes with every addition. */
  public Optional<String> tip() {
    try {
      return Optional.ofNullable(repository.resolve(LibraryLayout.BRANCH)).map(ObjectId::name);
    } catch (IOException e) {
      throw storage(directory + ": cannot read " + LibraryLayout.BRANCH + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<JsonNode> find(ContentId id) {
    requireNonNull(id, "id");
    return snapshot().get(id).map(c -> Json.parse(c.bytes(), c.entry().path(), Limits.JSON));
  }

  /** The ancestry of a configuration in this library, as far as the library knows it. */
  public Optional<Lineage> lineage(ContentId id) {
    LibrarySnapshot snapshot = snapshot();
    return snapshot
        .get(id)
        .map(
            c ->
                Lineage.walk(
                    Json.parse(c.bytes(), c.entry().path(), Limits.JSON),
                    other ->
                        snapshot
                            .get(other)
                            .map(o -> Json.parse(o.bytes(), o.entry().path(), Limits.JSON))));
  }

  @Override
  public void close() {
    repository.close();
  }

  private static LibraryException storage(String message, IOException cause) {
    return new LibraryException(LibraryException.Kind.STORAGE, message, cause);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException ignored) {
                  // best effort: a hidden temporary directory
                }
              });
    } catch (IOException ignored) {
      // best effort
    }
  }
}
