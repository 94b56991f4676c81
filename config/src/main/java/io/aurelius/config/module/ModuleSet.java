package io.aurelius.config.module;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.hash.ContentId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The adopted modules of one world-model version, in adoption order. A name belongs to one line of
 * descent: a module adopted under a name already taken replaces the earlier one (it must be its
 * fork), so {@link #current(String)} is the newest; only current modules can be imported.
 */
public final class ModuleSet {
  public static final ModuleSet BASE = new ModuleSet(List.of(), WorldModelVersion.BASE);

  private final List<Module> adopted;
  private final WorldModelVersion version;
  private final Map<String, Module> current = new LinkedHashMap<>();

  private ModuleSet(List<Module> adopted, WorldModelVersion version) {
    this.adopted = List.copyOf(adopted);
    this.version = requireNonNull(version, "version");
    for (Module m : this.adopted) {
      current.put(m.name(), m);
    }
  }

  /** The set of these adoptions, with the version they define. */
  public static ModuleSet of(List<Module> adopted) {
    return new ModuleSet(adopted, WorldModelVersion.of(adopted.stream().map(Module::id).toList()));
  }

  /**
   * The modules a recorded run used, under the version it recorded (a transcript carries only the
   * modules it imported, not the whole set).
   */
  public static ModuleSet pinned(WorldModelVersion version, List<Module> used) {
    return new ModuleSet(used, version);
  }

  public ModuleSet plus(Module module) {
    List<Module> next = new ArrayList<>(adopted);
    next.add(requireNonNull(module, "module"));
    return of(next);
  }

  public WorldModelVersion version() {
    return version;
  }

  public List<Module> adopted() {
    return adopted;
  }

  public Optional<Module> current(String name) {
    return Optional.ofNullable(current.get(name));
  }

  public List<Module> current() {
    return List.copyOf(current.values());
  }

  /** Any adopted module with this id, current or replaced. */
  public Optional<Module> find(ContentId id) {
    return adopted.stream().filter(m -> m.id().equals(id)).findFirst();
  }
}
