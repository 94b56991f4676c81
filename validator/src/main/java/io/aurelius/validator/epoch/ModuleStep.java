package io.aurelius.validator.epoch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.model.Signature;
import io.aurelius.config.module.Adoption;
import io.aurelius.config.module.Module;
import io.aurelius.config.module.ModuleRegistry;
import io.aurelius.config.module.ModuleReport;
import io.aurelius.config.module.ModuleSet;
import io.aurelius.config.module.Modules;
import io.aurelius.config.module.WorldModelVersion;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.identity.KeyId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.core.json.Json;
import io.aurelius.core.transport.PeerEndpoint;
import io.aurelius.core.transport.ProtocolClient;
import io.aurelius.core.transport.Reply;
import io.aurelius.validator.modules.ModuleQuorum;
import io.aurelius.validator.modules.ModuleVerdict;
import io.aurelius.validator.modules.ModuleVerdictBook;
import io.aurelius.validator.modules.ModuleVerdictsHandler;
import io.aurelius.validator.modules.WorldModelLedger;
import io.aurelius.validator.store.ValidatorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Step 9b, for world-model modules: A/B-trials each module admitted this epoch against this
 * validator's world model ({@link Trial}), signs a {@link ModuleVerdict} on each, sends its
 * verdicts (possibly none) to every peer ({@link ModuleVerdictsHandler}), waits (bounded) until the
 * verdicts of the epoch have arrived from every peer that did not refuse its own for good (a peer
 * without the route answers 404 and is not waited for), and then applies the {@link ModuleQuorum}
 * over this and the epochs before it. A module the quorum adopts in this epoch is appended to the
 * registry with every approver's signature over the new version (from their passing verdicts, in
 * author order, so every validator writes the same line), then to what follows the registry.
 * Without admitted modules the step records nothing and waits for no one.
 */
final class ModuleStep implements EpochStep<ModuleStep.Input, List<String>> {
  static final String RESULT = "result";
  static final String TRIAL = "trial/";

  /** How far back a previous round of the module step is looked for, in chain epochs. */
  static final long MAX_GAP = 1000;

  record Input(MetagraphSnapshot graph, Submissions submissions) {}

  /** One A/B trial: whether the candidate passed, and the table that shows why. */
  record Trialled(boolean passed, String table) {}

  /** Runs the published benchmark suite under {@code current} and with {@code candidate}. */
  @FunctionalInterface
  interface Trial {
    Trialled run(ModuleSet current, Module candidate);
  }

  private final ValidatorStore store;
  private final ModuleVerdictBook book;
  private final ModuleRegistry registry;
  private final WorldModelLedger adoptions;
  private final Trial trial;
  private final ModuleQuorum quorum;
  private final int consecutive;
  private final Signer key;
  private final KeyId self;
  private final ProtocolClient client;
  private final Duration wait;
  private final EpochListener listener;
  private final Optional<Path> trialsDir;

  ModuleStep(
      ValidatorStore store,
      ModuleRegistry registry,
      Trial trial,
      ModuleQuorum quorum,
      int consecutive,
      Signer key,
      ProtocolClient client,
      Duration wait,
      EpochListener listener,
      Optional<Path> trialsDir) {
    this(
        store,
        WorldModelLedger.of(registry),
        trial,
        quorum,
        consecutive,
        key,
        client,
        wait,
        listener,
        trialsDir);
  }

  /** Adoptions go to {@code adoptions}: its registry, then what follows it (git, covenant). */
  ModuleStep(
      ValidatorStore store,
      WorldModelLedger adoptions,
      Trial trial,
      ModuleQuorum quorum,
      int consecutive,
      Signer key,
      ProtocolClient client,
      Duration wait,
      EpochListener listener,
      Optional<Path> trialsDir) {
    this.trialsDir = requireNonNull(trialsDir, "trialsDir");
    this.store = requireNonNull(store, "store");
    this.book = new ModuleVerdictBook(store);
    this.adoptions = requireNonNull(adoptions, "adoptions");
    this.registry = adoptions.registry();
    this.trial = requireNonNull(trial, "trial");
    this.quorum = requireNonNull(quorum, "quorum");
    this.consecutive = consecutive;
    this.key = requireNonNull(key, "key");
    this.self = KeyId.of(key.publicKey());
    this.client = requireNonNull(client, "client");
    this.wait = requireNonNull(wait, "wait");
    this.listener = requireNonNull(listener, "listener");
  }

  @Override
  public String name() {
    return Steps.MODULES;
  }

  /** The ids of the modules adopted in {@code epoch}. */
  @Override
  public List<String> run(long epoch, Input in) throws InterruptedException {
    if (store.done(epoch, Steps.MODULES)) {
      return stored(epoch);
    }
    List<Submissions.AdmittedModule> submitted = in.submissions().modules();
    if (submitted.isEmpty()) {
      finish(epoch, List.of());
      return List.of();
    }
    List<Long> rounds = rounds(epoch);
    ModuleSet current = registry.set();
    book.stakes(epoch, in.graph().validatorSet().stakes());
    Map<ContentId, JsonNode> documents = new HashMap<>();
    List<JsonNode> mine = new ArrayList<>();
    for (Submissions.AdmittedModule s : submitted) {
      ModuleReport report = Modules.validate(s.module().document(), current);
      if (!report.problems().isEmpty() || report.module().isEmpty()) {
        continue; // adopted meanwhile, or no longer admissible: nothing to trial
      }
      Module module = report.module().get();
      Trialled t;
      try {
        t = trial.run(current, module);
      } catch (RuntimeException e) {
        // A module the benchmark cannot even load under (a clash with a suite scenario) fails.
        t = new Trialled(false, "trial failed: " + e.getMessage());
      }
      ModuleVerdict verdict =
          new ModuleVerdict(epoch, self, module.id(), current.version(), t.passed());
      if (t.passed()) {
        verdict = verdict.approving(current.plus(module).version(), key);
      }
      ObjectNode signed = verdict.sign(key);
      book.put(verdict, signed);
      store.putItem(
          epoch,
          Steps.MODULES,
          TRIAL + module.id().hex(),
          t.table().getBytes(StandardCharsets.UTF_8));
      writeTable(epoch, module, t);
      documents.put(module.id(), s.module().document());
      mine.add(signed);
      listener.step(
          epoch,
          Steps.MODULES,
          "module "
              + module.id().shortHex()
              + " ("
              + module.name()
              + ") "
              + (t.passed() ? "passed" : "failed")
              + " its trial against world model "
              + current.version());
    }
    book.reported(epoch, self);
    List<PeerEndpoint> peers = in.graph().peersOf(self);
    Set<KeyId> refused = send(epoch, mine, peers);
    awaitPeers(epoch, peers, refused);
    List<String> adopted = new ArrayList<>();
    for (Map.Entry<ContentId, JsonNode> e : documents.entrySet()) {
      adopt(epoch, rounds, e.getKey(), e.getValue()).ifPresent(adopted::add);
    }
    finish(epoch, adopted);
    return adopted;
  }

  /** The A/B table as a file, {@code epoch-<E>-<name>-<id prefix>.txt}, for people to read. */
  private void writeTable(long epoch, Module module, Trialled t) {
    if (trialsDir.isEmpty()) {
      return;
    }
    Path file =
        trialsDir
            .get()
            .resolve(
                "epoch-" + epoch + "-" + module.name() + "-" + module.id().shortHex() + ".txt");
    try {
      Files.createDirectories(trialsDir.get());
      Files.writeString(file, t.table());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends this validator's verdicts to every peer and returns the peers that refused them for good:
   * a 4xx answer (404 from a node without the route, 403, 422, ...) will not change within the
   * epoch, so such a peer will not report either. An unreachable peer, a timeout, a 408 or 429 may
   * still report, and is waited for.
   */
  private Set<KeyId> send(long epoch, List<JsonNode> mine, List<PeerEndpoint> peers) {
    ObjectNode body = Json.newObject().put("epoch", epoch);
    body.putArray("verdicts").addAll(mine);
    byte[] bytes = CanonicalJson.bytes(body);
    List<CompletableFuture<Reply>> calls = new ArrayList<>();
    for (PeerEndpoint p : peers) {
      calls.add(client.send(p, ModuleVerdictsHandler.ROUTE, bytes, wait));
    }
    Set<KeyId> refused = new HashSet<>();
    for (int i = 0; i < calls.size(); i++) {
      CompletableFuture<Reply> c = calls.get(i);
      try {
        if (c.get(wait.toMillis(), TimeUnit.MILLISECONDS) instanceof Reply.Refused r
            && refusedForGood(r.status())) {
          PeerEndpoint peer = peers.get(i);
          refused.add(peer.hotkey());
          listener.step(
              epoch,
              Steps.MODULES,
              "peer "
                  + peer.hotkey()
                  + " refused module verdicts ("
                  + r.status()
                  + " "
                  + r.message()
                  + "): not waiting for its verdicts");
        }
      } catch (Exception e) {
        c.cancel(true); // an unreachable peer counts as not approving; its verdicts may still come
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          return refused;
        }
      }
    }
    return refused;
  }

  static boolean refusedForGood(int status) {
    return status >= 400 && status < 500 && status != 408 && status != 429;
  }

  /** Waits (bounded) for the verdicts of every peer that did not refuse this validator's. */
  private void awaitPeers(long epoch, List<PeerEndpoint> peers, Set<KeyId> refused)
      throws InterruptedException {
    Set<KeyId> expected =
        peers.stream()
            .map(PeerEndpoint::hotkey)
            .filter(k -> !refused.contains(k))
            .collect(Collectors.toSet());
    long deadline = System.nanoTime() + wait.toNanos();
    while (!book.reporters(epoch).containsAll(expected) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  /**
   * This epoch and the epochs of the module step's previous rounds, newest first, at most {@code
   * consecutive} in all. Consecutive means consecutive rounds of this validator: a validator whose
   * epoch outlasts the chain's (a trial is long) skips chain epochs, and its peers skip the same.
   */
  private List<Long> rounds(long epoch) {
    List<Long> out = new ArrayList<>(List.of(epoch));
    for (long e = epoch - 1; e >= 0 && e >= epoch - MAX_GAP && out.size() < consecutive; e--) {
      if (store.done(e, Steps.MODULES)) {
        out.add(e);
      }
    }
    return out;
  }

  private Optional<String> adopt(long epoch, List<Long> rounds, ContentId id, JsonNode document) {
    List<ModuleVerdict> verdicts = new ArrayList<>();
    Map<Long, Map<KeyId, Long>> stakes = new HashMap<>();
    for (int i = 0; i < rounds.size(); i++) {
      long round = epoch - i; // the quorum counts rounds as consecutive epochs
      for (ModuleVerdict v : book.verdicts(rounds.get(i))) {
        verdicts.add(v.inEpoch(round));
      }
      stakes.put(round, book.stakes(rounds.get(i)));
    }
    Optional<ModuleQuorum.Decision> decision = quorum.decide(id, verdicts, stakes);
    if (decision.isEmpty()
        || decision.get().epoch() != epoch
        || registry.set().find(id).isPresent()) {
      return Optional.empty();
    }
    Optional<Module> admissible = Modules.validate(document, registry.set()).module();
    if (admissible.isEmpty()) {
      return Optional.empty(); // no longer admissible against the world model (checked on trial)
    }
    Module module = admissible.get();
    List<Signature> signatures = approvals(decision.get(), verdicts, id, registry.next(module));
    if (signatures.isEmpty()) {
      listener.step(
          epoch,
          Steps.MODULES,
          "module "
              + id.shortHex()
              + " reached the quorum but no approver signed world model "
              + registry.next(module)
              + ": not adopted");
      return Optional.empty();
    }
    book.adopted(id.hex(), epoch);
    Adoption adoption = adoptions.adopt(document, signatures);
    listener.step(
        epoch,
        Steps.MODULES,
        "module "
            + id.shortHex()
            + " adopted by "
            + decision.get().approvers().size()
            + " validators ("
            + signatures.size()
            + " signatures): world model "
            + adoption.version());
    return Optional.of(id.hex());
  }

  /**
   * Each approver's signature over the id of {@code next}, from its newest passing verdict on the
   * module that approves exactly that version (a verdict given under an older world model approves
   * another). Every validator holding the same verdicts picks the same signatures.
   */
  private static List<Signature> approvals(
      ModuleQuorum.Decision decision,
      List<ModuleVerdict> verdicts,
      ContentId id,
      WorldModelVersion next) {
    List<Signature> out = new ArrayList<>();
    for (KeyId approver : decision.approvers()) {
      verdicts.stream()
          .filter(v -> v.validator().equals(approver) && v.module().equals(id) && v.passed())
          .filter(v -> v.approval().map(a -> a.next().equals(next)).orElse(false))
          .max(java.util.Comparator.comparingLong(ModuleVerdict::epoch))
          .ifPresent(v -> out.add(v.approval().get().signature()));
    }
    return out;
  }

  private void finish(long epoch, List<String> adopted) {
    ObjectNode o = Json.newObject();
    o.putArray("adopted").addAll(adopted.stream().map(Json.newObject()::textNode).toList());
    store.atomically(
        tx -> {
          tx.putItem(epoch, Steps.MODULES, RESULT, CanonicalJson.bytes(o));
          tx.markDone(epoch, Steps.MODULES);
          return null;
        });
  }

  private List<String> stored(long epoch) {
    List<String> out = new ArrayList<>();
    store
        .item(epoch, Steps.MODULES, RESULT)
        .map(
            b -> Json.parse(b, "stored modules result", io.aurelius.core.json.JsonLimits.UNTRUSTED))
        .ifPresent(n -> n.path("adopted").forEach(x -> out.add(x.asText())));
    return out;
  }
}
