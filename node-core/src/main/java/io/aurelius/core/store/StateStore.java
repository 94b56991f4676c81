package io.aurelius.core.store;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.identity.OwnerOnlyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A single SQLite database file. Work runs in {@link #inTransaction}: committed when the function
 * returns, rolled back when it throws. One connection serialised by a lock: SQLite has a single
 * writer anyway, and the node's write rate is small.
 */
public final class StateStore implements AutoCloseable {
  /** What a transaction does with the connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Path file;
  private final Connection connection;
  private final ReentrantLock lock = new ReentrantLock();

  private StateStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** Opens (creating if needed) the database and applies any pending migrations. */
  public static StateStore open(Path file, List<Migration> migrations) {
    requireNonNull(file, "file");
    requireNonNull(migrations, "migrations");
    try {
      // The database holds the node's work and verdicts: only its owner reads it (0600 in a new
      // 0700 directory), and SQLite gives the -wal and -shm files the same mode.
      OwnerOnlyFiles.createFile(file);
    } catch (IOException e) {
      throw new StoreException(file + ": cannot create: " + e.getMessage(), e);
    }
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA foreign_keys=ON");
        s.execute("PRAGMA busy_timeout=10000");
      }
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new StoreException(file + ": cannot open state store: " + e.getMessage(), e);
    }
    StateStore store = new StateStore(file, connection);
    store.migrate(migrations);
    return store;
  }

  public Path file() {
    return file;
  }

  /** Runs {@code work} in one transaction; commits on return, rolls back on any exception. */
  public <T> T inTransaction(Work<T> work) {
    requireNonNull(work, "work");
    lock.lock();
    try {
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(e);
        if (e instanceof RuntimeException re) {
          throw re;
        }
        throw new StoreException(file + ": " + e.getMessage(), e);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The schema version applied so far. */
  public int schemaVersion() {
    return inTransaction(
        c -> {
          try (Statement s = c.createStatement();
              var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }

  private void migrate(List<Migration> migrations) {
    List<Migration> ordered =
        migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
    for (int i = 1; i < ordered.size(); i++) {
      if (ordered.get(i).version() == ordered.get(i - 1).version()) {
        throw new IllegalArgumentException(
            "duplicate migration version " + ordered.get(i).version());
      }
    }
    int current = schemaVersion();
    for (Migration migration : ordered) {
      if (migration.version() <= current) {
        continue;
      }
      inTransaction(
          c -> {
            try (Statement s = c.createStatement()) {
              for (String sql : migration.sql().split(";\\s*(\\n|$)")) {
                if (!sql.isBlank()) {
                  s.execute(sql);
                }
              }
              s.execute("PRAGMA user_version=" + migration.version());
            }
            return null;
          });
    }
  }

  private void rollbackQuietly(Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException(file + ": close failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
