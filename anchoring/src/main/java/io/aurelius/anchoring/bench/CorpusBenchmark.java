package io.aurelius.anchoring.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.anchoring.corpus.CorpusEntry;
import io.aurelius.anchoring.corpus.CorpusLog;
import io.aurelius.anchoring.corpus.InvalidEntryException;
import io.aurelius.anchoring.log.GitLog;
import io.aurelius.anchoring.verify.LogVerifier;
import io.aurelius.anchoring.verify.TrustPolicy;
import io.aurelius.anchoring.verify.VerificationFailure;
import io.aurelius.core.crypto.Ed25519KeyPair;
import io.aurelius.core.githttp.GitHttpService;
import io.aurelius.core.githttp.GitMount;
import io.aurelius.core.json.Json;
import io.aurelius.core.protocol.InMemoryPeerDirectory;
import io.aurelius.core.transport.ProtocolServer;
import io.aurelius.core.transport.ServerSpec;
import io.aurelius.core.transport.Transport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds a corpus log of N entries in batches, clones it with stock {@code git} over the node's git
 * smart HTTP on loopback, and verifies the clone, timing each step. The baseline is the hashing any
 * verifier must do (one SHA-256 per leaf over {@code 0x00 ‖ entry}, one per interior node over 65
 * bytes), at the SHA-256 rate of this machine for inputs of those sizes, measured in the same run
 * on warm code; verify's ratio to it is how close verification comes to the SHA-256 limit of the
 * machine. Peak heap is the sum of the heap pools' peaks during verify, so it includes garbage not
 * yet collected: an upper bound, comparable across sizes.
 */
public final class CorpusBenchmark {
  /** What one size measured. */
  public record Row(
      long entries,
      long entryBytes,
      double appendSeconds,
      long commits,
      int packs,
      long repositoryBytes,
      OptionalDouble cloneSeconds,
      double verifySeconds,
      long peakHeapBytes,
      double sha256Seconds) {
    public double appendsPerSecond() {
      return entries / appendSeconds;
    }

    /** Verify's speed as a share of the SHA-256 limit (1.0: as fast as hashing alone). */
    public double verifyRatio() {
      return sha256Seconds / verifySeconds;
    }
  }

  /**
   * @param batch entries per append (one commit each)
   * @param entryTextBytes size of each entry's observation and reasoning texts together
   */
  public record Settings(int batch, int entryTextBytes) {
    public Settings {
      if (batch < 1 || batch > 1_000_000) {
        throw new IllegalArgumentException("batch: " + batch + " (expected: 1..1000000)");
      }
      if (entryTextBytes < 16 || entryTextBytes > 100_000) {
        throw new IllegalArgumentException(
            "entryTextBytes: " + entryTextBytes + " (expected: 16..100000)");
      }
    }
  }

  private final Settings settings;
  private final Transport transport;
  private final Path workDirectory;

  public CorpusBenchmark(Settings settings, Transport transport, Path workDirectory) {
    this.settings = requireNonNull(settings, "settings");
    this.transport = requireNonNull(transport, "transport");
    this.workDirectory = requireNonNull(workDirectory, "workDirectory");
  }

  /** The version line of stock git, or empty if there is none to clone with. */
  public static Optional<String> gitVersion() {
    try {
      Process p = new ProcessBuilder("git", "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Measures a log of {@code entries} entries; its files are removed afterwards. */
  public Row measure(long entries) throws Exception {
    if (entries < 1) {
      throw new IllegalArgumentException("entries: " + entries + " (expected: >= 1)");
    }
    Path dir = Files.createTempDirectory(workDirectory, "corpus-bench-");
    try {
      return measureIn(dir, entries);
    } finally {
      deleteTree(dir);
    }
  }

  private Row measureIn(Path dir, long entries) throws Exception {
    Ed25519KeyPair key = Ed25519KeyPair.generate();
    Path repo = dir.resolve("corpus.git");
    SplittableRandom random = new SplittableRandom(15);
    long entryBytes = 0;
    long commits = 0;
    long start = System.nanoTime();
    long appendNanos = 0;
    try (CorpusLog log = CorpusLog.create(repo, "aurelius.bench/corpus", key, Clock.systemUTC())) {
      appendNanos += System.nanoTime() - start;
      for (long done = 0; done < entries; ) {
        int n = (int) Math.min(settings.batch(), entries - done);
        List<CorpusEntry> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          batch.add(entry(done + i, random));
        }
        for (CorpusEntry e : batch) {
          entryBytes += e.bytes().length;
        }
        long t = System.nanoTime();
        log.append(done, batch);
        appendNanos += System.nanoTime() - t;
        commits++;
        done += n;
      }
    }
    double shaSeconds =
        entries * secondsPerHash((int) (entryBytes / entries) + 1)
            + (entries - 1) * secondsPerHash(65);
    int packs = packCount(repo);
    long repositoryBytes = treeBytes(repo);

    Path target = repo;
    OptionalDouble clone = OptionalDouble.empty();
    if (gitVersion().isPresent()) {
      target = dir.resolve("clone.git");
      clone = OptionalDouble.of(cloneSeconds(repo, target));
    }

    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long t = System.nanoTime();
    try (GitLog cloned = GitLog.open(target)) {
      new LogVerifier(TrustPolicy.selfDeclared(cloned.head().manifest()), Optional.empty())
          .verify(cloned);
    } catch (VerificationFailure e) {
      throw new IllegalStateException("the benchmark's own log did not verify: " + e.getMessage());
    }
    double verifySeconds = (System.nanoTime() - t) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Row(
        entries,
        entryBytes,
        appendNanos / 1e9,
        commits,
        packs,
        repositoryBytes,
        clone,
        verifySeconds,
        peak,
        shaSeconds);
  }

  private double cloneSeconds(Path repo, Path target) throws Exception {
    GitMount git = new GitMount(new GitHttpService(Map.of("corpus.git", repo)));
    Ed25519KeyPair serverKey = Ed25519KeyPair.generate();
    try (ProtocolServer server =
        transport.serve(
            ServerSpec.builder(serverKey, new InMemoryPeerDirectory())
                .name("corpus-bench")
                .bulk(GitMount.PREFIX, Set.of("GET", "POST"), git.maxRequestBytes(), git)
                .build())) {
      String url = "http://127.0.0.1:" + server.port() + "/git/corpus.git";
      ProcessBuilder builder =
          new ProcessBuilder("git", "clone", "--bare", "--quiet", url, target.toString())
              .redirectErrorStream(true);
      builder.environment().put("GIT_TERMINAL_PROMPT", "0");
      long start = System.nanoTime();
      Process p = builder.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("git clone " + url + " failed: " + out);
      }
      return (System.nanoTime() - start) / 1e9;
    }
  }

  /** An entry of the documented shape whose texts total about {@code entryTextBytes}. */
  private CorpusEntry entry(long n, SplittableRandom random) throws InvalidEntryException {
    ObjectNode e = Json.newObject();
    e.put("schema", CorpusEntry.SCHEMA);
    ObjectNode aene = e.putObject("aene");
    aene.put("id", String.format("%064x", n + 1));
    int half = settings.entryTextBytes() / 2;
    aene.put("observation", words(random, half));
    aene.put("reasoning", words(random, settings.entryTextBytes() - half));
    aene.putObject("action").put("name", "share_water").put("text", "I give her half.");
    ObjectNode provenance = e.putObject("provenance");
    provenance.put("configuration", String.format("%064x", n % 97));
    provenance.put("epoch", n / 1000);
    provenance.put("seed", n);
    provenance.putObject("model").put("name", "sim").put("simulated", true);
    ObjectNode verdict = e.putObject("verdict");
    verdict.put("dlv", 0.6 + (n % 4) / 10.0);
    verdict.putObject("approvals").put("validators", 3).put("stake", 900);
    return CorpusEntry.of(e, "bench entry " + n);
  }

  private static final String[] WORDS = {
    "the", "well", "is", "dry", "neighbour", "asks", "for", "water", "children", "fairness",
    "care", "promise", "harm", "share", "refuse", "trust", "duty", "cost", "weigh", "choose"
  };

  private static String words(SplittableRandom random, int bytes) {
    StringBuilder b = new StringBuilder(bytes + 16);
    while (b.length() < bytes) {
      b.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
    }
    return b.substring(0, bytes);
  }

  /**
   * Seconds per SHA-256 of {@code inputBytes} bytes: the best of three rounds over 32 MiB of such
   * inputs after a warm-up, in short methods as the verifier's hashing runs.
   */
  static double secondsPerHash(int inputBytes) throws NoSuchAlgorithmException {
    byte[] input = new byte[inputBytes];
    new SplittableRandom(6962).nextBytes(input);
    MessageDigest sha = sha256();
    int count = Math.max(1_000, (32 << 20) / inputBytes);
    hashRound(sha, input, count); // warm-up
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      long start = System.nanoTime();
      hashRound(sha, input, count);
      best = Math.min(best, (System.nanoTime() - start) / 1e9 / count);
    }
    return best;
  }

  private static void hashRound(MessageDigest sha, byte[] input, int count) {
    for (int i = 0; i < count; i += 256) {
      hashChunk(sha, input, Math.min(256, count - i));
    }
  }

  private static void hashChunk(MessageDigest sha, byte[] input, int n) {
    for (int i = 0; i < n; i++) {
      sha.update(input);
      byte[] out = sha.digest();
      input[0] ^= out[0]; // each input depends on the last digest, so none is skipped
    }
  }

  private static MessageDigest sha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256");
  }

  private static int packCount(Path repo) throws IOException {
    try (Stream<Path> files = Files.list(repo.resolve("objects/pack"))) {
      return (int) files.filter(f -> f.getFileName().toString().endsWith(".pack")).count();
    }
  }

  private static long treeBytes(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
