package io.aurelius.anchoring.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's single-writer lock: an OS file lock on {@code aurelius-writer.lock} in the repository,
 * held while a writer moves the branch. The kernel releases it when the holder dies, so whoever
 * holds it knows that a git ref lock file still lying around was left by a writer killed
 * mid-update, and may remove it. Without this, one SIGKILL at the wrong moment would make every
 * later append fail with LOCK_FAILURE.
 *
 * <p>An OS file lock belongs to the process, and a second channel of the same process asking for it
 * gets an exception instead of waiting; so threads of one process first queue on an in-process lock
 * per repository.
 */
final class WriterLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
  static final String FILE_NAME = "aurelius-writer.lock";

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  private final ReentrantLock inProcess;
  private final FileChannel channel;
  private final FileLock lock;

  private WriterLock(ReentrantLock inProcess, FileChannel channel, FileLock lock) {
    this.inProcess = inProcess;
    this.channel = channel;
    this.lock = lock;
  }

  /** Blocks until this process holds the writer lock of the repository at {@code gitDir}. */
  static WriterLock acquire(Path gitDir) throws IOException {
    ReentrantLock inProcess =
        IN_PROCESS.computeIfAbsent(
            gitDir.toAbsolutePath().normalize(), path -> new ReentrantLock());
    inProcess.lock();
    try {
      FileChannel channel =
          FileChannel.open(
              gitDir.resolve(FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new WriterLock(inProcess, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      inProcess.unlock();
      throw e;
    }
  }

  /**
   * Removes the lock file of {@code ref} left by a dead writer; only call while holding the lock.
   */
  void clearStaleRefLock(Path gitDir, String ref) throws IOException {
    Path stale = gitDir.resolve(ref + ".lock");
    if (Files.deleteIfExists(stale)) {
      LOG.warn("{}: removed {} left by a writer that died mid-update", gitDir, stale.getFileName());
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      try {
        channel.close();
      } finally {
        inProcess.unlock();
      }
    }
  }
}
