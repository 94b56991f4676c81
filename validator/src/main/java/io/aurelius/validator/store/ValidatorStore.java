package io.aurelius.validator.store;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.store.Migration;
import io.aurelius.core.store.StateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The validator's state store. Items are written before the work they record is acknowledged (to a
 * peer, the chain or the log); {@link #putItem} keeps the first value written, so a retried step
 * finds what it did before instead of doing it again.
 */
public final class ValidatorStore implements AutoCloseable {
  private static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              """
      CREATE TABLE items (epoch INTEGER NOT NULL, step TEXT NOT NULL, item TEXT NOT NULL,
        body BLOB NOT NULL, PRIMARY KEY (epoch, step, item));
      CREATE TABLE steps (epoch INTEGER NOT NULL, step TEXT NOT NULL, done_ms INTEGER NOT NULL,
        PRIMARY KEY (epoch, step));
      CREATE TABLE state (key TEXT PRIMARY KEY, body BLOB NOT NULL)
      """));

  private final StateStore store;

  private ValidatorStore(StateStore store) {
    this.store = store;
  }

  public static ValidatorStore open(Path file) {
    return new ValidatorStore(StateStore.open(requireNonNull(file, "file"), MIGRATIONS));
  }

  public Path file() {
    return store.file();
  }

  /** Several writes in one transaction: all of them survive a crash, or none. */
  public <T> T atomically(Function<Tx, T> work) {
    requireNonNull(work, "work");
    return store.inTransaction(c -> work.apply(new Tx(c)));
  }

  public Optional<byte[]> item(long epoch, String step, String item) {
    return atomically(tx -> tx.item(epoch, step, item));
  }

  /** Stores an item unless one is there already; returns whether this call stored it. */
  public boolean putItem(long epoch, String step, String item, byte[] body) {
    return atomically(tx -> tx.putItem(epoch, step, item, body));
  }

  /** The step's items by item key, in key order. */
  public Map<String, byte[]> items(long epoch, String step) {
    return atomically(tx -> tx.items(epoch, step));
  }

  public boolean done(long epoch, String step) {
    return atomically(tx -> tx.done(epoch, step));
  }

  public void markDone(long epoch, String step) {
    atomically(
        tx -> {
          tx.markDone(epoch, step);
          return null;
        });
  }

  public Optional<byte[]> state(String key) {
    return atomically(tx -> tx.state(key));
  }

  public void putState(String key, byte[] body) {
    atomically(
        tx -> {
          tx.putState(key, body);
          return null;
        });
  }

  /** The newest epoch with the given step done. */
  public OptionalLong lastEpochWith(String step) {
    return atomically(
        tx ->
            tx.query(
                "SELECT MAX(epoch) FROM steps WHERE step = ?",
                ps -> ps.setString(1, step),
                rs ->
                    rs.next() && rs.getObject(1) != null
                        ? OptionalLong.of(rs.getLong(1))
                        : OptionalLong.empty()));
  }

  /** The newest {@code limit} epochs with {@code step} done, newest first. */
  public List<Long> epochsWith(String step, int limit) {
    requireNonNull(step, "step");
    return atomically(
        tx ->
            tx.query(
                "SELECT epoch FROM steps WHERE step = ? ORDER BY epoch DESC LIMIT ?",
                ps -> {
                  ps.setString(1, step);
                  ps.setInt(2, limit);
                },
                rs -> {
                  List<Long> epochs = new java.util.ArrayList<>();
                  while (rs.next()) {
                    epochs.add(rs.getLong(1));
                  }
                  return epochs;
                }));
  }

  /**
   * The epochs before {@code before} with {@code started} done and none of {@code settled} done,
   * oldest first.
   */
  public List<Long> epochsUnsettled(String started, List<String> settled, long before) {
    requireNonNull(started, "started");
    requireNonNull(settled, "settled");
    String marks = String.join(", ", settled.stream().map(s -> "?").toList());
    String sql =
        "SELECT epoch FROM steps s WHERE step = ? AND epoch < ? AND NOT EXISTS (SELECT 1 FROM"
            + " steps t WHERE t.epoch = s.epoch AND t.step IN ("
            + marks
            + ")) ORDER BY epoch";
    return atomically(
        tx ->
            tx.query(
                sql,
                ps -> {
                  ps.setString(1, started);
                  ps.setLong(2, before);
                  for (int i = 0; i < settled.size(); i++) {
                    ps.setString(3 + i, settled.get(i));
                  }
                },
                rs -> {
                  List<Long> epochs = new java.util.ArrayList<>();
                  while (rs.next()) {
                    epochs.add(rs.getLong(1));
                  }
                  return epochs;
                }));
  }

  @Override
  public void close() {
    store.close();
  }

  /** The writes of one transaction. */
  public static final class Tx {
    private final Connection c;

    private Tx(Connection c) {
      this.c = c;
    }

    public Optional<byte[]> item(long epoch, String step, String item) {
      return query(
          "SELECT body FROM items WHERE epoch = ? AND step = ? AND item = ?",
          ps -> {
            ps.setLong(1, epoch);
            ps.setString(2, step);
            ps.setString(3, item);
          },
          rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty());
    }

    public boolean putItem(long epoch, String step, String item, byte[] body) {
      requireNonNull(body, "body");
      return update(
              "INSERT OR IGNORE INTO items (epoch, step, item, body) VALUES (?, ?, ?, ?)",
              ps -> {
                ps.setLong(1, epoch);
                ps.setString(2, requireNonNull(step, "step"));
                ps.setString(3, requireNonNull(item, "item"));
                ps.setBytes(4, body);
              })
          == 1;
    }

    public Map<String, byte[]> items(long epoch, String step) {
      return query(
          "SELECT item, body FROM items WHERE epoch = ? AND step = ? ORDER BY item",
          ps -> {
            ps.setLong(1, epoch);
            ps.setString(2, step);
          },
          rs -> {
            Map<String, byte[]> out = new LinkedHashMap<>();
            while (rs.next()) {
              out.put(rs.getString(1), rs.getBytes(2));
            }
            return out;
          });
    }

    public boolean done(long epoch, String step) {
      return query(
          "SELECT 1 FROM steps WHERE epoch = ? AND step = ?",
          ps -> {
            ps.setLong(1, epoch);
            ps.setString(2, step);
          },
          ResultSet::next);
    }

    public void markDone(long epoch, String step) {
      update(
          "INSERT OR IGNORE INTO steps (epoch, step, done_ms) VALUES (?, ?, ?)",
          ps -> {
            ps.setLong(1, epoch);
            ps.setString(2, step);
            ps.setLong(3, System.currentTimeMillis());
          });
    }

    public Optional<byte[]> state(String key) {
      return query(
          "SELECT body FROM state WHERE key = ?",
          ps -> ps.setString(1, key),
          rs -> rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty());
    }

    public void putState(String key, byte[] body) {
      update(
          "INSERT INTO state (key, body) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET body = excluded.body",
          ps -> {
            ps.setString(1, requireNonNull(key, "key"));
            ps.setBytes(2, requireNonNull(body, "body"));
          });
    }

    private interface Binder {
      void bind(PreparedStatement ps) throws SQLException;
    }

    private interface Reader<T> {
      T read(ResultSet rs) throws SQLException;
    }

    <T> T query(String sql, Binder binder, Reader<T> reader) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          return reader.read(rs);
        }
      } catch (SQLException e) {
        throw new io.aurelius.core.store.StoreException("validator store: " + e.getMessage(), e);
      }
    }

    private int update(String sql, Binder binder) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        return ps.executeUpdate();
      } catch (SQLException e) {
        throw new io.aurelius.core.store.StoreException("validator store: " + e.getMessage(), e);
      }
    }
  }
}
