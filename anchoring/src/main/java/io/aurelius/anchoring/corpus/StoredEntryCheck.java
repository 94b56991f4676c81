package io.aurelius.anchoring.corpus;

import io.aurelius.core.json.CanonicalJsonScanner;
import io.aurelius.core.json.CanonicalJsonScanner.Type;

/**
 * The fast check of an entry line as stored in the log: canonical JSON with the shape {@link
 * CorpusEntry#of} requires, in one pass over the bytes with no tree. It only ever accepts lines
 * {@link CorpusEntry#parse} accepts and re-serializes to the same bytes; on {@code false} a caller
 * takes the slow path, which names the problem (or, for unusual but valid lines this check does not
 * read itself, accepts them). One instance checks one line at a time.
 */
public final class StoredEntryCheck {
  private static final byte[] SCHEMA = CanonicalJsonScanner.ascii("schema");
  private static final byte[] SCHEMA_VALUE =
      CanonicalJsonScanner.ascii("\"" + CorpusEntry.SCHEMA + "\"");
  private static final byte[] AENE = CanonicalJsonScanner.ascii("aene");
  private static final byte[] OBSERVATION = CanonicalJsonScanner.ascii("observation");
  private static final byte[] REASONING = CanonicalJsonScanner.ascii("reasoning");
  private static final byte[] ACTION = CanonicalJsonScanner.ascii("action");
  private static final byte[] PROVENANCE = CanonicalJsonScanner.ascii("provenance");
  private static final byte[] MODEL = CanonicalJsonScanner.ascii("model");
  private static final byte[] NAME = CanonicalJsonScanner.ascii("name");
  private static final byte[] SIMULATED = CanonicalJsonScanner.ascii("simulated");
  private static final byte[] VERDICT = CanonicalJsonScanner.ascii("verdict");

  private static final int SCHEMA_OK = 1;
  private static final int AENE_OK = 1 << 1;
  private static final int OBSERVATION_OK = 1 << 2;
  private static final int REASONING_OK = 1 << 3;
  private static final int ACTION_OK = 1 << 4;
  private static final int PROVENANCE_OK = 1 << 5;
  private static final int MODEL_OK = 1 << 6;
  private static final int NAME_OK = 1 << 7;
  private static final int SIMULATED_OK = 1 << 8;
  private static final int VERDICT_OK = 1 << 9;
  private static final int ALL = (1 << 10) - 1;

  private final CanonicalJsonScanner scanner = new CanonicalJsonScanner(CorpusEntry.LIMITS);
  private final CanonicalJsonScanner.Visitor visitor = this::member;
  private int seen;

  /** True if {@code line[off..off+len)} is a canonical corpus entry of the documented shape. */
  public boolean accepts(byte[] line, int off, int len) {
    if (len == 0 || line[off] != '{') {
      return false;
    }
    seen = 0;
    return scanner.scan(line, off, len, visitor) && seen == ALL;
  }

  /**
   * If a canonical corpus entry of the documented shape starts at {@code off} and is followed by a
   * newline before {@code limit}, the index of that newline; else -1.
   */
  public int lineEnd(byte[] bytes, int off, int limit) {
    if (off >= limit || bytes[off] != '{') {
      return -1;
    }
    seen = 0;
    int end = scanner.scanValue(bytes, off, limit, visitor);
    return end >= 0 && end < limit && bytes[end] == '\n' && seen == ALL ? end : -1;
  }

  private boolean member(
      CanonicalJsonScanner s, int depth, Type type, int start, int end, int chars) {
    switch (depth) {
      case 1 -> {
        if (s.keyIs(1, SCHEMA)) {
          return mark(SCHEMA_OK, type == Type.STRING && s.bytesAre(start, end, SCHEMA_VALUE));
        } else if (s.keyIs(1, AENE)) {
          return mark(AENE_OK, type == Type.OBJECT);
        } else if (s.keyIs(1, PROVENANCE)) {
          return mark(PROVENANCE_OK, type == Type.OBJECT);
        } else if (s.keyIs(1, VERDICT)) {
          return mark(VERDICT_OK, type == Type.OBJECT);
        }
        return true;
      }
      case 2 -> {
        if (s.keyIs(1, AENE)) {
          if (s.keyIs(2, OBSERVATION)) {
            return mark(OBSERVATION_OK, text(type, chars));
          } else if (s.keyIs(2, REASONING)) {
            return mark(REASONING_OK, text(type, chars));
          } else if (s.keyIs(2, ACTION)) {
            return mark(ACTION_OK, type == Type.STRING || type == Type.OBJECT);
          }
        } else if (s.keyIs(1, PROVENANCE) && s.keyIs(2, MODEL)) {
          return mark(MODEL_OK, type == Type.OBJECT);
        }
        return true;
      }
      case 3 -> {
        if (s.keyIs(1, PROVENANCE) && s.keyIs(2, MODEL)) {
          if (s.keyIs(3, NAME)) {
            return mark(NAME_OK, text(type, chars));
          } else if (s.keyIs(3, SIMULATED)) {
            return mark(SIMULATED_OK, type == Type.BOOLEAN);
          }
        }
        return true;
      }
      default -> {
        return true;
      }
    }
  }

  private static boolean text(Type type, int chars) {
    return type == Type.STRING && chars <= CorpusEntry.MAX_TEXT;
  }

  private boolean mark(int bit, boolean ok) {
    if (ok) {
      seen |= bit;
    }
    return ok;
  }
}
