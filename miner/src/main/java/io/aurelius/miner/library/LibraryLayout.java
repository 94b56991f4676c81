package io.aurelius.miner.library;

import io.aurelius.core.hash.ContentId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.PersonIdent;

/** Where things are in a library repository, and how its commits are written. */
final class LibraryLayout {
  static final String BRANCH = "refs/heads/main";
  static final String DIRECTORY = "configs";
  static final String README = "README.md";

  /** Commit trailers naming the configuration a commit added and its parent. */
  static final String CONFIG_TRAILER = "Config-Id";

  static final String PARENT_TRAILER = "Parent-Id";

  private static final Pattern FILE = Pattern.compile(DIRECTORY + "/([0-9a-f]{64})\\.json");

  private LibraryLayout() {}

  static String pathOf(ContentId id) {
    return DIRECTORY + "/" + id.hex() + ".json";
  }

  /** The id a path names, if it is a {@code configs/<id>.json} path. */
  static Optional<ContentId> idOf(String path) {
    Matcher m = FILE.matcher(path);
    return m.matches() ? Optional.of(ContentId.parse(m.group(1))) : Optional.empty();
  }

  static PersonIdent author(java.time.Instant when) {
    return new PersonIdent(
        "aurelius miner", "miner@aurelius.invalid", when, java.time.ZoneOffset.UTC);
  }

  static String readme() {
    return """
        # Aurelius configuration library

        Scenario configurations (format `aurelius.config/1`), one file per configuration:
        `configs/<id>.json`, where `<id>` is the SHA-256 of the document's RFC 8785 canonical
        JSON without its `signature` member. A fork names the configuration it came from in
        `parent`. Each commit adds one configuration; its `Config-Id` trailer names it.

        Fork one into your own library with `aurelius miner fork <this repository's URL>#<id>`.
        """;
  }
}
