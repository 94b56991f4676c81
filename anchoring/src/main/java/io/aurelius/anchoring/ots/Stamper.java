package io.aurelius.anchoring.ots;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates and upgrades proofs through calendars, as the stock {@code ots} client does: the file
 * digest gets a random 16-byte nonce appended and is hashed again (so the calendar learns nothing
 * about the file), and that commitment goes to every calendar; the replies are merged. Upgrades ask
 * only the configured calendars, never a URI a proof names on its own.
 */
public final class Stamper {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final CalendarClient client;
  private final List<URI> calendars;

  public Stamper(CalendarClient client, List<URI> calendars) {
    this.client = requireNonNull(client, "client");
    this.calendars = List.copyOf(calendars);
  }

  /** The outcome of one stamping or upgrade round: the proof (if any) and what failed. */
  /** The calendars asked, in order. */
  public List<URI> calendars() {
    return calendars;
  }

  public record Result(Optional<DetachedTimestamp> proof, boolean changed, List<String> failures) {
    public Result {
      requireNonNull(proof, "proof");
      failures = List.copyOf(failures);
    }
  }

  /** Stamps {@code fileBytes}; no proof when no calendar answered (record it as pending). */
  public Result stamp(byte[] fileBytes) {
    requireNonNull(fileBytes, "fileBytes");
    Timestamp root = new Timestamp(UnaryOp.SHA256.digest(fileBytes));
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    Timestamp commitment;
    try {
      commitment = root.add(new Op.Append(nonce)).add(UnaryOp.SHA256);
    } catch (OtsFormatException e) {
      throw new IllegalStateException("a 48-byte message cannot exceed the op limits", e);
    }
    List<String> failures = new ArrayList<>();
    int answered = 0;
    for (URI calendar : calendars) {
      try {
        commitment.merge(client.submit(calendar, commitment.msg()));
        answered++;
      } catch (IOException | OtsFormatException e) {
        failures.add(e.getMessage());
      }
    }
    if (answered == 0) {
      if (calendars.isEmpty()) {
        failures.add("no calendar configured");
      }
      return new Result(Optional.empty(), false, failures);
    }
    return new Result(Optional.of(new DetachedTimestamp(UnaryOp.SHA256, root)), true, failures);
  }

  /** Asks the calendars named by pending attestations for fuller proofs and merges them in. */
  public Result upgrade(DetachedTimestamp proof) {
    requireNonNull(proof, "proof");
    List<String> failures = new ArrayList<>();
    boolean changed = false;
    for (Timestamp node : pendingNodes(proof.timestamp())) {
      for (Attestation a : List.copyOf(node.attestations())) {
        if (!(a instanceof Attestation.Pending pending)) {
          continue;
        }
        Optional<URI> calendar =
            calendars.stream().filter(c -> sameCalendar(c, pending.uri())).findFirst();
        if (calendar.isEmpty()) {
          failures.add(pending.uri() + ": not a configured calendar, not asked");
          continue;
        }
        try {
          Optional<Timestamp> upgraded = client.fetch(calendar.get(), node.msg());
          if (upgraded.isPresent()) {
            int before = proof.timestamp().leaves().size();
            node.merge(upgraded.get());
            changed |= proof.timestamp().leaves().size() != before;
          }
        } catch (IOException | OtsFormatException e) {
          failures.add(e.getMessage());
        }
      }
    }
    return new Result(Optional.of(proof), changed, failures);
  }

  private static List<Timestamp> pendingNodes(Timestamp root) {
    List<Timestamp> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Timestamp node, List<Timestamp> out) {
    if (node.attestations().stream().anyMatch(a -> a instanceof Attestation.Pending)) {
      out.add(node);
    }
    for (Timestamp child : node.ops().values()) {
      collect(child, out);
    }
  }

  private static boolean sameCalendar(URI configured, String uri) {
    String a = configured.toString().replaceAll("/+$", "");
    String b = uri.replaceAll("/+$", "");
    return a.equals(b);
  }
}
