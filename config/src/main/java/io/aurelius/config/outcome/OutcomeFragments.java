package io.aurelius.config.outcome;

import static java.util.Objects.requireNonNull;

import io.aurelius.config.model.OutcomeMap;
import io.aurelius.config.model.ScenarioConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges the outcome fragments of imported mechanic packs into a configuration's outcome map:
 *
 * <ul>
 *   <li>a <b>declared</b> map comes first, unchanged; each fragment's entries follow in import
 *       order, except an entry on a variable, event or floor the declared map already names (the
 *       configuration's meaning wins);
 *   <li><b>without a declared map</b>, the map derived by the word rule ({@link OutcomeMaps}) over
 *       the merged configuration comes first, less its entries in the namespace of a pack that has
 *       a fragment (the pack's own statement replaces the word rule on its names; a pack without a
 *       fragment keeps the word rule), then the fragments.
 * </ul>
 *
 * Fragments name only their own pack's variables and events ({@code <pack>_…}), so two fragments
 * never name the same thing. Groups stay the configuration's.
 */
public final class OutcomeFragments {
  private OutcomeFragments() {}

  /** A pack's fragment and its namespace prefix ({@code "promises_"}). */
  public record Fragment(String namespace, OutcomeMap map) {
    public Fragment {
      requireNonNull(namespace, "namespace");
      requireNonNull(map, "map");
    }
  }

  /** {@code config} with the merged map; unchanged when there is no fragment. */
  public static ScenarioConfig apply(ScenarioConfig config, List<Fragment> fragments) {
    if (fragments.isEmpty()) {
      return config;
    }
    return config.withOutcome(
        merge(OutcomeMaps.of(config), OutcomeMaps.declared(config), fragments));
  }

  public static OutcomeMap merge(OutcomeMap base, boolean declared, List<Fragment> fragments) {
    Merged m = new Merged(declared ? base : without(base, fragments));
    for (Fragment f : fragments) {
      m.add(f.map());
    }
    return m.map();
  }

  /** {@code map} less every entry in a fragment's namespace. */
  private static OutcomeMap without(OutcomeMap map, List<Fragment> fragments) {
    Predicate<String> kept =
        name -> fragments.stream().noneMatch(f -> name.startsWith(f.namespace()));
    Map<String, Double> failures = new LinkedHashMap<>();
    map.failures()
        .forEach(
            (e, h) -> {
              if (kept.test(e)) {
                failures.put(e, h);
              }
            });
    return new OutcomeMap(
        map.utility().stream().filter(t -> kept.test(t.var())).toList(),
        map.worldUtility().stream().filter(t -> kept.test(t.var())).toList(),
        map.life().stream().filter(t -> kept.test(t.var())).toList(),
        map.worldLife().stream().filter(t -> kept.test(t.var())).toList(),
        map.groups(),
        failures,
        map.irreversible().stream().filter(f -> kept.test(variable(f))).toList());
  }

  private static String variable(OutcomeMap.Floor floor) {
    return floor.var().substring(floor.var().indexOf('.') + 1);
  }

  /** A map being built: entries appended unless what they name is already named. */
  private static final class Merged {
    private final List<OutcomeMap.Term> utility;
    private final List<OutcomeMap.Term> worldUtility;
    private final List<OutcomeMap.Term> life;
    private final List<OutcomeMap.Term> worldLife;
    private final Map<String, List<String>> groups;
    private final Map<String, Double> failures;
    private final List<OutcomeMap.Floor> floors;
    private final Set<String> variables = new HashSet<>();
    private final Set<String> floorVariables = new HashSet<>();

    Merged(OutcomeMap base) {
      utility = new ArrayList<>(base.utility());
      worldUtility = new ArrayList<>(base.worldUtility());
      life = new ArrayList<>(base.life());
      worldLife = new ArrayList<>(base.worldLife());
      groups = base.groups();
      failures = new LinkedHashMap<>(base.failures());
      floors = new ArrayList<>(base.irreversible());
      for (List<OutcomeMap.Term> terms : List.of(utility, worldUtility, life, worldLife)) {
        terms.forEach(t -> variables.add(t.var()));
      }
      floors.forEach(f -> floorVariables.add(f.var()));
    }

    void add(OutcomeMap fragment) {
      Set<String> before = Set.copyOf(variables);
      terms(fragment.utility(), utility, before);
      terms(fragment.worldUtility(), worldUtility, before);
      terms(fragment.life(), life, before);
      terms(fragment.worldLife(), worldLife, before);
      fragment.failures().forEach(failures::putIfAbsent);
      for (OutcomeMap.Floor f : fragment.irreversible()) {
        if (floorVariables.add(f.var())) {
          floors.add(f);
        }
      }
    }

    private void terms(List<OutcomeMap.Term> from, List<OutcomeMap.Term> into, Set<String> named) {
      for (OutcomeMap.Term t : from) {
        if (!named.contains(t.var())) {
          into.add(t);
          variables.add(t.var());
        }
      }
    }

    OutcomeMap map() {
      return new OutcomeMap(utility, worldUtility, life, worldLife, groups, failures, floors);
    }
  }
}
