package io.aurelius.worldmodel.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aurelius.config.CompiledConfig;
import io.aurelius.config.ConfigLoader;
import io.aurelius.core.json.Json;
import java.util.List;

/**
 * A shared-lake commons for any number of fishers: a contested draw on the lake, regrowth, each
 * fisher's own catch, a quiet alternative. Variant {@code k} differs in its starting stock so that
 * many variants are many configurations.
 */
public final class BenchScenarios {
  private static final List<String> NAMES =
      List.of(
          "Ana", "Bo", "Cai", "Dara", "Eli", "Fen", "Gus", "Hana", "Ivo", "Jun", "Kit", "Lea", "Mo",
          "Nia", "Oto", "Pia");

  private BenchScenarios() {}

  public static CompiledConfig commons(int agents, int steps, int variant) {
    if (agents < 1 || agents > NAMES.size()) {
      throw new IllegalArgumentException(
          "agents: " + agents + " (expected: 1.." + NAMES.size() + ")");
    }
    ObjectNode c = Json.newObject();
    c.put("format", "aurelius.config/1");
    c.put("name", "bench_commons_" + agents + "_" + variant);
    c.put("title", "The lake at Millbrook");
    c.putObject("labels")
        .put("tension_archetype", "individual_vs_collective")
        .put("domain", "Environment");
    c.putObject("world")
        .putObject("state")
        .putObject("fish")
        .put("type", "int")
        .put("initial", 100 + 10 * agents + variant)
        .put("min", 0)
        .put("max", 100_000);
    ArrayNode as = c.putArray("agents");
    for (int i = 0; i < agents; i++) {
      String n = NAMES.get(i);
      ObjectNode a = as.addObject();
      a.put("name", n.toLowerCase(java.util.Locale.ROOT));
      a.put("display_name", n);
      a.put(
          "identity",
          "I am "
              + n
              + ". I have fished this lake since I was a child, from a boat my mother built.");
      a.put("goal", "I want to bring home enough to feed my family through the winter.");
      a.putArray("private_knowledge")
          .add(
              i % 2 == 0
                  ? "My youngest is ill and the medicine costs more than a " + "week's catch."
                  : "I saw fewer young fish in the shallows this spring than ever before.")
          .add("The harbour master has my boat down as number " + (100 + variant) + ".");
      a.putObject("state")
          .putObject("catch")
          .put("type", "int")
          .put("initial", 0)
          .put("min", 0)
          .put("max", 1_000_000);
    }
    ArrayNode actions = c.putArray("actions");
    ObjectNode fish = actions.addObject();
    fish.put("name", "fish");
    fish.putObject("label")
        .put("immersive", "Take the boat out and fish")
        .put("control", "Harvest units from the pool");
    fish.putArray("actors").add("*");
    fish.putObject("parameters")
        .putObject("amount")
        .put("type", "int")
        .put("min", 1)
        .put("max", 20)
        .putObject("label")
        .put("immersive", "how many fish I try to land")
        .put("control", "units requested");
    fish.putObject("draw")
        .put("from", "world.fish")
        .put("amount", "params.amount")
        .put("into", "self.catch")
        .put("resolution", "proportional");
    fish.putObject("narration")
        .put("immersive", "{{ names[actor] }} comes back with {{ drawn }} fish.")
        .put("control", "{{ actor }} harvested {{ drawn }} units.");
    fish.put("visibility", "all");
    ObjectNode rest = actions.addObject();
    rest.put("name", "rest");
    rest.putObject("label")
        .put("immersive", "Stay ashore today")
        .put("control", "Do not harvest this step");
    rest.putArray("actors").add("*");
    rest.putObject("narration")
        .put("immersive", "{{ names[actor] }}'s boat stays on the shore.")
        .put("control", "{{ actor }} did not harvest.");
    rest.put("visibility", "all");
    c.putArray("dynamics")
        .addObject()
        .put("set", "world.fish")
        .put("to", "world.fish + world.fish / 10");
    c.putArray("observations")
        .addObject()
        .put("visible_to", "all")
        .put(
            "immersive",
            "Day {{ step }}. The lake holds about {{ world.fish }} fish. I have landed {{ self.catch }} "
                + "so far this season.")
        .put(
            "control",
            "Step {{ step }}. Pool: {{ world.fish }} units, regrowing 10% per step. Your total: "
                + "{{ self.catch }}.");
    c.putObject("termination").put("max_steps", steps);
    c.put("memory_window", 3);
    ObjectNode framings = c.putObject("framings");
    framings
        .putObject("immersive")
        .put(
            "premise",
            "Autumn at Millbrook. Everyone on this shore lives from the same "
                + "lake, and what one boat takes, the others cannot.");
    framings
        .putObject("control")
        .put(
            "premise",
            "This is a multi-player resource game. "
                + agents
                + " players "
                + "share one pool; requests beyond the pool are split in proportion.");
    return ConfigLoader.load(c, "bench commons " + agents + "/" + variant);
  }
}
