package io.aurelius.core.chain.dev;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.chain.Receipt;
import io.aurelius.core.chain.RejectReason;
import io.aurelius.core.chain.extrinsic.Extrinsic;
import io.aurelius.core.chain.extrinsic.ExtrinsicCodec;
import io.aurelius.core.chain.extrinsic.MalformedExtrinsicException;
import io.aurelius.core.chain.extrinsic.ReceiptCodec;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Local submissions to a running dev chain, for commands on the same machine while the signed
 * network route is not there: a client drops a signed extrinsic into {@code inbox/} and waits
 * for {@code receipts/<hash>.json}; the running chain takes the inbox before sealing each
 * block and answers once the block is stored (at once for a rejection). Files are written to a
 * temporary name and renamed, so neither side ever reads half a file. The inbox is not a trust
 * boundary: every extrinsic is checked as if it came from the network.
 */
public final class ChainInbox {
  public static final int MAX_FILE_BYTES = 256 * 1024;
  /** At most this many submissions are taken per block. */
  public static final int MAX_PER_BLOCK = 1000;
  private static final JsonLimits LIMITS = new JsonLimits(MAX_FILE_BYTES, 16, 8 * 1024);

  private final ChainDataDir dir;

  public ChainInbox(ChainDataDir dir) {
    this.dir = requireNonNull(dir, "dir");
  }

  /** One taken submission: its file name (the extrinsic hash) and what it held. */
  public record Entry(String name, Optional<Extrinsic> extrinsic, String problem) {}

  /** Client side: posts an extrinsic; returns the name its receipt will carry. */
  public String post(Extrinsic x) {
    String name = x.hash();
    write(dir.inbox(), name, CanonicalJson.bytes(ExtrinsicCodec.toTree(x)));
    return name;
  }

  /** Client side: waits for the receipt of {@code name}, removing it once read. */
  public Optional<Receipt> awaitReceipt(String name, Duration timeout) throws InterruptedException {
    Path file = dir.receipts().resolve(name + ".json");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        try {
          byte[] bytes = Files.readAllBytes(file);
          Files.deleteIfExists(file);
          return Optional.of(ReceiptCodec.fromTree(Json.parse(bytes, file.toString(), LIMITS), file.toString()));
        } catch (IOException e) {
          throw new IllegalStateException(file + ": cannot read receipt: " + e.getMessage(), e);
        }
      }
      Thread.sleep(20);
    }
    return Optional.empty();
  }

  /** Chain side: takes up to {@link #MAX_PER_BLOCK} submissions, oldest name first, deleting them. */
  public List<Entry> take() {
    Path inbox = dir.inbox();
    if (!Files.isDirectory(inbox)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(inbox, "*.json")) {
      for (Path p : stream) {
        files.add(p);
      }
    } catch (IOException e) {
      throw new IllegalStateException(inbox + ": cannot list: " + e.getMessage(), e);
    }
    files.sort(null);
    List<Entry> entries = new ArrayList<>();
    for (Path file : files.subList(0, Math.min(files.size(), MAX_PER_BLOCK))) {
      String fileName = file.getFileName().toString();
      String name = fileName.substring(0, fileName.length() - ".json".length());
      entries.add(read(file, name));
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new IllegalStateException(file + ": cannot remove: " + e.getMessage(), e);
      }
    }
    return entries;
  }

  /** Chain side: writes the receipt for a taken submission. */
  public void answer(String name, Receipt receipt) {
    write(dir.receipts(), name, CanonicalJson.bytes(ReceiptCodec.toTree(receipt)));
  }

  /** The receipt for an entry that could not be read. */
  public static Receipt malformed(Entry entry) {
    return new Receipt.Rejected(RejectReason.MALFORMED, entry.problem());
  }

  private static Entry read(Path file, String name) {
    if (!name.matches("[0-9a-f]{64}")) {
      return new Entry(safeName(name), Optional.empty(), file.getFileName() + ": not named by an extrinsic hash");
    }
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        return new Entry(name, Optional.empty(), file.getFileName() + ": larger than " + MAX_FILE_BYTES + " bytes");
      }
      Extrinsic x = ExtrinsicCodec.fromTree(Json.parse(Files.readAllBytes(file), "inbox " + name, LIMITS),
          "inbox " + name.substring(0, 12));
      if (!x.hash().equals(name)) {
        return new Entry(name, Optional.empty(), "inbox " + name.substring(0, 12) + ": file name is not the extrinsic's hash");
      }
      return new Entry(name, Optional.of(x), "");
    } catch (JsonInputException | MalformedExtrinsicException e) {
      return new Entry(name, Optional.empty(), e.getMessage());
    } catch (IOException e) {
      return new Entry(name, Optional.empty(), file.getFileName() + ": unreadable: " + e.getMessage());
    }
  }

  private static String safeName(String name) {
    String cleaned = name.replaceAll("[^0-9A-Za-z_-]", "_");
    return cleaned.substring(0, Math.min(cleaned.length(), 64));
  }

  private static void write(Path directory, String name, byte[] bytes) {
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempFile(directory, ".tmp-", ".part");
      Files.write(tmp, bytes);
      Path target = directory.resolve(name + ".json");
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException(directory + ": cannot write " + name + ": " + e.getMessage(), e);
    }
  }
}
