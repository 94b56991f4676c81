package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.config.model.Signature;
import io.aurelius.core.crypto.KeyScheme;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.json.JsonInputException;
import io.aurelius.core.json.JsonLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The adopted set as a signed, append-only file: {@code adoptions.jsonl} in a directory, one
 * canonical JSON line per adoption, {@code {"format", "previous", "version", "module": "<document
 * text>", "signatures": [{"author", "scheme"?, "signature"}]}}. Opening replays every line: each
 * module must be admissible against the set before it (the same checks as {@link Modules}), each
 * version must follow from the one before, and each signature must verify over the version id, one
 * per author, sorted by author address (so validators that adopt the same module after the same
 * history write byte-identical lines). A file that was edited, reordered or truncated in the middle
 * does not open.
 */
public final class ModuleRegistry {
  public static final String FILE = "adoptions.jsonl";
  public static final String FORMAT = "aurelius.world-model/1";
  private static final JsonLimits LINE = new JsonLimits(1 << 20, 32, 1 << 20);
  private static final Comparator<Signature> BY_AUTHOR =
      Comparator.comparing(s -> s.author().address());

  private final Path file;
  private final List<Adoption> adoptions;
  private ModuleSet set;

  private ModuleRegistry(Path file, List<Adoption> adoptions, ModuleSet set) {
    this.file = file;
    this.adoptions = adoptions;
    this.set = set;
  }

  /**
   * Opens (or, when the directory has no registry, starts) the registry in {@code dir}.
   *
   * @throws IllegalArgumentException (one line) when a line does not replay
   */
  public static ModuleRegistry open(Path dir) {
    requireNonNull(dir, "dir");
    Path file = dir.resolve(FILE);
    List<Adoption> adoptions = new ArrayList<>();
    ModuleSet set = ModuleSet.BASE;
    if (Files.exists(file)) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (int i = 0; i < lines.size(); i++) {
        String where = file + " line " + (i + 1);
        Adoption a = replay(lines.get(i), set, where);
        adoptions.add(a);
        set = set.plus(a.module());
      }
    }
    return new ModuleRegistry(file, adoptions, set);
  }

  /** The registry's file, {@code <dir>/adoptions.jsonl} (absent until the first adoption). */
  public Path file() {
    return file;
  }

  public synchronized ModuleSet set() {
    return set;
  }

  public synchronized List<Adoption> adoptions() {
    return List.copyOf(adoptions);
  }

  /**
   * Appends the adoption of {@code document}, signed by {@code signers}.
   *
   * @throws IllegalArgumentException (one line, with reason codes) when the module is not
   *     admissible against the current set, or there is no signer
   */
  public synchronized Adoption adopt(JsonNode document, List<? extends Signer> signers) {
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("adoption: no signer (expected: at least one key)");
    }
    Module module = admissible(document);
    ContentId next = set.plus(module).version().id();
    List<Signature> signatures = new ArrayList<>();
    for (Signer s : signers) {
      signatures.add(Signature.of(KeyId.of(s.publicKey()), s.scheme(), s.sign(next.digest())));
    }
    return append(module, signatures);
  }

  /**
   * Appends the adoption of {@code document} with signatures made elsewhere (the approvers' over
   * the next version's id), each verified, written in canonical order (by author) so that every
   * registry that adopts the same module after the same history writes the same line.
   *
   * @throws IllegalArgumentException (one line) when the module is not admissible, there is no
   *     signature, one does not verify, or an author signs twice
   */
  public synchronized Adoption adoptSigned(JsonNode document, List<Signature> signatures) {
    Module module = admissible(document);
    WorldModelVersion next = set.plus(module).version();
    return append(module, checked(signatures, next, "adoption of " + module.name()));
  }

  /** The version adopting {@code module} now would bring. */
  public synchronized WorldModelVersion next(Module module) {
    return set.plus(module).version();
  }

  private Module admissible(JsonNode document) {
    ModuleReport report = Modules.validate(document, set);
    Module module =
        report
            .module()
            .orElseThrow(
                () -> new IllegalArgumentException("adoption refused: " + report.problems()));
    if (set.find(module.id()).isPresent()) {
      throw new IllegalArgumentException(
          "adoption refused: "
              + module.id().hex()
              + " is already adopted (expected: a module not in world model "
              + set.version()
              + ")");
    }
    return module;
  }

  private Adoption append(Module module, List<Signature> signatures) {
    ModuleSet next = set.plus(module);
    List<Signature> ordered = new ArrayList<>(signatures);
    ordered.sort(BY_AUTHOR);
    Adoption adoption = new Adoption(set.version(), next.version(), module, ordered);
    append(line(adoption));
    adoptions.add(adoption);
    set = next;
    return adoption;
  }

  /**
   * The signatures, each verified over {@code version}'s id, no author twice.
   *
   * @throws IllegalArgumentException (one line, starting with {@code where}) otherwise
   */
  private static List<Signature> checked(
      List<Signature> signatures, WorldModelVersion version, String where) {
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException(where + ": no signature (expected: at least one)");
    }
    Set<KeyId> authors = new HashSet<>();
    for (Signature sig : signatures) {
      if (!authors.add(sig.author())) {
        throw new IllegalArgumentException(
            where
                + ": "
                + sig.author().address()
                + " signs twice (expected: one signature per author)");
      }
      if (!ConfigDocuments.verifies(sig, version.id())) {
        throw new IllegalArgumentException(
            where
                + ": signature of "
                + sig.author().address()
                + " does not verify (expected: a signature over the id of version "
                + version
                + ")");
      }
    }
    return signatures;
  }

  private static String line(Adoption a) {
    ObjectNode o = Json.newObject();
    o.put("format", FORMAT)
        .put("previous", a.previous().toString())
        .put("version", a.version().toString())
        .put("module", a.module().info().document().toString());
    ArrayNode sigs = o.putArray("signatures");
    for (Signature s : a.signatures()) {
      ObjectNode block = sigs.addObject().put("author", s.author().address());
      if (s.scheme() != KeyScheme.ED25519) {
        block.put("scheme", s.scheme().wireName());
      }
      block.put("signature", s.base64());
    }
    return CanonicalJson.string(o);
  }

  private static Adoption replay(String line, ModuleSet before, String where) {
    JsonNode o;
    try {
      o = Json.parse(line, where, LINE);
    } catch (JsonInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (!FORMAT.equals(o.path("format").asText())) {
      throw new IllegalArgumentException(
          where + ": format " + o.path("format") + " (expected: \"" + FORMAT + "\")");
    }
    WorldModelVersion previous = WorldModelVersion.parse(o.path("previous").asText());
    if (!previous.equals(before.version())) {
      throw new IllegalArgumentException(
          where + ": previous " + previous + " (expected: " + before.version() + ")");
    }
    JsonNode document;
    try {
      document = Json.parse(o.path("module").asText(), where + ": module", ModuleLimits.JSON);
    } catch (JsonInputException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    ModuleReport report = Modules.validate(document, before);
    if (!report.valid()) {
      throw new IllegalArgumentException(where + ": module refused: " + report.problems());
    }
    ModuleSet after = before.plus(report.module().get());
    WorldModelVersion version = WorldModelVersion.parse(o.path("version").asText());
    if (!version.equals(after.version())) {
      throw new IllegalArgumentException(
          where + ": version " + version + " (expected: " + after.version() + ")");
    }
    List<Signature> signatures = new ArrayList<>();
    for (JsonNode s : o.path("signatures")) {
      signatures.add(
          new Signature(
              KeyId.parse(s.path("author").asText()),
              s.has("scheme")
                  ? KeyScheme.fromWireName(s.get("scheme").asText())
                  : KeyScheme.ED25519,
              s.path("signature").asText()));
    }
    checked(signatures, version, where);
    List<Signature> ordered = new ArrayList<>(signatures);
    ordered.sort(BY_AUTHOR);
    if (!ordered.equals(signatures)) {
      throw new IllegalArgumentException(
          where + ": signatures out of order (expected: sorted by author address)");
    }
    return new Adoption(previous, version, report.module().get(), signatures);
  }

  private void append(String line) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel ch =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The adoption that brought {@code version}, if this registry has it. */
  public synchronized Optional<Adoption> adoption(WorldModelVersion version) {
    return adoptions.stream().filter(a -> a.version().equals(version)).findFirst();
  }
}
