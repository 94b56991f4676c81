package io.aurelius.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  static final List<Migration> SCHEMA =
      List.of(
          new Migration(1, "CREATE TABLE items (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"),
          new Migration(2, "ALTER TABLE items ADD COLUMN state TEXT NOT NULL DEFAULT 'new'"));

  @TempDir Path dir;

  /** Issue 16 item 6: the node's state is readable by its owner only. */
  @Test
  void aNewDatabaseAndItsDirectoryAreTheOwnersOnly() throws Exception {
    Path file = dir.resolve("node/validator/state.db");
    try (StateStore store = StateStore.open(file, SCHEMA)) {
      store.inTransaction(c -> insert(c, 1));
      assertThat(mode(file)).isEqualTo("rw-------");
      assertThat(mode(file.resolveSibling("state.db-wal"))).isEqualTo("rw-------");
      assertThat(mode(file.getParent())).isEqualTo("rwx------");
      assertThat(mode(file.getParent().getParent())).isEqualTo("rwx------");
    }
  }

  private static String mode(Path p) throws java.io.IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(
        java.nio.file.Files.getPosixFilePermissions(p));
  }

  @Test
  void migratesOnceAndCommitsOrRollsBack() {
    Path file = dir.resolve("state/node.db");
    try (StateStore store = StateStore.open(file, SCHEMA)) {
      assertThat(store.schemaVersion()).isEqualTo(2);
      store.inTransaction(c -> insert(c, 1));
      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      c -> {
                        insert(c, 2);
                        throw new IllegalStateException("boom");
                      }))
          .hasMessage("boom");
      assertThat(count(store)).isEqualTo(1);
    }
    try (StateStore reopened = StateStore.open(file, SCHEMA)) {
      assertThat(reopened.schemaVersion()).isEqualTo(2);
      assertThat(count(reopened)).isEqualTo(1);
    }
  }

  @Test
  void committedWorkSurvivesSigkill() throws Exception {
    Path file = dir.resolve("killed.db");
    String classpath = System.getProperty("java.class.path");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                StoreWriterMain.class.getName(),
                file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    // The child prints each id after its commit returns; kill it mid-stream.
    var reader = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()));
    long lastAcknowledged = -1;
    for (int i = 0; i < 200; i++) {
      String line = reader.readLine();
      assertThat(line).as("child output").isNotNull();
      lastAcknowledged = Long.parseLong(line.strip());
    }
    child.destroyForcibly(); // SIGKILL
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

    try (StateStore store = StateStore.open(file, SCHEMA)) {
      long max =
          store.inTransaction(
              c -> {
                try (ResultSet rs =
                    c.createStatement().executeQuery("SELECT max(id), count(*) FROM items")) {
                  rs.next();
                  assertThat(rs.getLong(2))
                      .isEqualTo(rs.getLong(1)); // no gaps, nothing half-written
                  return rs.getLong(1);
                }
              });
      assertThat(max).isGreaterThanOrEqualTo(lastAcknowledged);
    }
    assertThat(new File(file.toString()).length()).isPositive();
  }

  static Void insert(java.sql.Connection c, long id) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO items (id, body) VALUES (?, ?)")) {
      ps.setLong(1, id);
      ps.setString(2, "item " + id);
      ps.executeUpdate();
    }
    return null;
  }

  private static long count(StateStore store) {
    return store.inTransaction(
        c -> {
          try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
