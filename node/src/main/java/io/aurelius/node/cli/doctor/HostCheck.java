package io.aurelius.node.cli.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The machine: the git client (for clones and forks) and free space where the home lives. */
final class HostCheck {
  static final long MIN_FREE_BYTES = 1L << 30;

  private HostCheck() {}

  static Finding git() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Finding.fail("git", "git --version did not finish in 10 s", "reinstall git");
      }
      return p.exitValue() == 0
          ? Finding.ok("git", out)
          : Finding.fail(
              "git", "git --version exited " + p.exitValue() + ": " + out, "reinstall git");
    } catch (IOException e) {
      return Finding.warn(
          "git",
          "no git on PATH (the node serves git itself, but "
              + "'git clone' of corpus and configurations needs it)",
          "install git (apt-get install git)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Finding.fail("git", "interrupted", "run aurelius doctor again");
    }
  }

  static Finding disk(Path home) {
    Path existing = home.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Finding.fail(
          "disk", home + ": no existing parent directory", "create it: mkdir -p " + home);
    }
    try {
      FileStore store = Files.getFileStore(existing);
      long free = store.getUsableSpace();
      String detail = mib(free) + " free at " + existing;
      if (free < MIN_FREE_BYTES) {
        return Finding.fail(
            "disk",
            detail + " (expected: at least " + mib(MIN_FREE_BYTES) + ")",
            "free space on that filesystem, or move the home elsewhere with --home");
      }
      if (!Files.isWritable(existing)) {
        return Finding.fail(
            "disk", existing + " is not writable", "chown it to this user, or choose --home");
      }
      return Finding.ok("disk", detail);
    } catch (IOException e) {
      return Finding.fail(
          "disk", existing + ": " + e.getMessage(), "check the filesystem holding " + home);
    }
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }
}
