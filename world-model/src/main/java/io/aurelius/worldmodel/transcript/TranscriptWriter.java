package io.aurelius.worldmodel.transcript;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.core.json.CanonicalJson;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes transcripts as JSON Lines, one canonical JSON object per line, each tagged with its run id
 * so several runs (written concurrently) can share one file. Every line is written through to the
 * file as it is produced; the end of each run forces the file to disk. So a run that fails, or a
 * process that dies, leaves everything up to its last completed step. Thread-safe. Writes are not
 * interruptible (unlike a {@code FileChannel}, which an interrupt would close): a run stopped by an
 * interrupt still records how it ended.
 */
public final class TranscriptWriter implements RunObserver, AutoCloseable {
  private final FileOutputStream out;
  private final Path path;
  private boolean closed;

  private TranscriptWriter(FileOutputStream out, Path path) {
    this.out = out;
    this.path = path;
  }

  /** Creates (or truncates) {@code path}. */
  public static TranscriptWriter create(Path path) throws IOException {
    requireNonNull(path, "path");
    return new TranscriptWriter(new FileOutputStream(path.toFile(), false), path);
  }

  public Path path() {
    return path;
  }

  @Override
  public void started(TranscriptHeader header) {
    write(header, header.toJson());
  }

  @Override
  public void stepped(TranscriptHeader header, StepRecord step) {
    write(header, step.toJson());
  }

  @Override
  public void ended(TranscriptHeader header, RunEnd end) {
    write(header, end.toJson());
    force();
  }

  private void write(TranscriptHeader header, ObjectNode line) {
    ObjectNode tagged = line.deepCopy();
    tagged.put("run", Transcript.runId(header));
    byte[] bytes = (CanonicalJson.string(tagged) + "\n").getBytes(StandardCharsets.UTF_8);
    synchronized (this) {
      try {
        out.write(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": cannot write transcript: " + e.getMessage(), e);
      }
    }
  }

  /** Forces everything written so far to the disk. */
  public synchronized void force() {
    if (closed) {
      return;
    }
    try {
      out.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot sync transcript: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.getFD().sync();
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": cannot close transcript: " + e.getMessage(), e);
    }
  }
}
