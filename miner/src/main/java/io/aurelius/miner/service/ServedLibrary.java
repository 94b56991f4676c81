package io.aurelius.miner.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigDocuments;
import io.aurelius.core.crypto.Signer;
import io.aurelius.core.hash.ContentId;
import io.aurelius.core.json.CanonicalJson;
import io.aurelius.miner.intake.Intake;
import io.aurelius.miner.intake.IntakeResult;
import io.aurelius.miner.library.ConfigLibrary;
import io.aurelius.miner.library.LibrarySnapshot;
import io.aurelius.miner.library.StoredConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the miner serves: the library's configurations that pass its intake policy, each signed once
 * by the miner's hotkey, in the order they were added. Rebuilt when the library's tip moves
 * (another process ran {@code miner add}); a configuration's verdict and signature are kept across
 * rebuilds, since both depend only on its content.
 */
final class ServedLibrary {
  /** A configuration ready to send: the signed document and its canonical size. */
  record Servable(
      ContentId id, String name, ObjectNode signed, int signedBytes, CompiledConfig config) {}

  /** The library as served at one commit. */
  record State(Optional<String> tip, List<Servable> servable, Map<ContentId, String> refused) {
    State {
      servable = List.copyOf(servable);
      refused = Map.copyOf(refused);
    }
  }

  /** A configuration's verdict: servable, or the reason it is not. */
  private record Verdict(Optional<Servable> servable, String reason) {}

  private final ConfigLibrary library;
  private final Intake intake;
  private final Signer key;
  private Map<ContentId, Verdict> verdicts = Map.of();
  private volatile State state = new State(Optional.empty(), List.of(), Map.of());

  ServedLibrary(ConfigLibrary library, Intake intake, Signer key) {
    this.library = requireNonNull(library, "library");
    this.intake = requireNonNull(intake, "intake");
    this.key = requireNonNull(key, "key");
  }

  /** The current state, rebuilt first if the library changed since the last call. */
  State current() {
    State seen = state;
    if (!library.tip().equals(seen.tip())) {
      return reload();
    }
    return seen;
  }

  /** The state as last built, without looking at the library (for metrics). */
  State last() {
    return state;
  }

  private synchronized State reload() {
    Optional<String> tip = library.tip();
    if (tip.equals(state.tip())) {
      return state;
    }
    LibrarySnapshot snapshot = library.snapshot();
    Map<ContentId, Verdict> next = new HashMap<>();
    List<Servable> servable = new ArrayList<>();
    Map<ContentId, String> refused = new LinkedHashMap<>();
    for (StoredConfig stored : snapshot.configs()) {
      ContentId id = stored.entry().id();
      Verdict verdict = verdicts.containsKey(id) ? verdicts.get(id) : judge(stored);
      next.put(id, verdict);
      verdict
          .servable()
          .ifPresentOrElse(
              servable::add,
              () -> {
                refused.put(id, verdict.reason());
                MinerStatus.notServed(id, verdict.reason());
              });
    }
    snapshot.unreadable().forEach(MinerStatus::unreadable);
    verdicts = next;
    State built = new State(snapshot.commit(), servable, refused);
    state = built;
    snapshot
        .commit()
        .ifPresent(c -> MinerStatus.libraryChanged(c, servable.size(), refused.size()));
    if (servable.isEmpty()) {
      MinerStatus.emptyLibrary();
    }
    return built;
  }

  private Verdict judge(StoredConfig stored) {
    IntakeResult result = intake.check(stored.bytes());
    if (result instanceof IntakeResult.Refused r) {
      return new Verdict(Optional.empty(), r.summary());
    }
    IntakeResult.Accepted accepted = (IntakeResult.Accepted) result;
    ObjectNode signed = ConfigDocuments.sign(accepted.config().document(), key);
    int size = CanonicalJson.bytes(signed).length;
    return new Verdict(
        Optional.of(
            new Servable(
                accepted.config().id(),
                accepted.config().config().name(),
                signed,
                size,
                accepted.config())),
        "");
  }
}
