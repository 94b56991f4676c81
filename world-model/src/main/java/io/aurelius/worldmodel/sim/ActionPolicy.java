package io.aurelius.worldmodel.sim;

import io.aurelius.worldmodel.agent.schema.ActionChoice;
import io.aurelius.worldmodel.agent.schema.ParamSpec;
import io.aurelius.worldmodel.agent.schema.ReplySchema;
import io.aurelius.worldmodel.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks a legal action for a persona. Actions are read by their words: generous ones (share, give,
 * warn...) score up, grasping ones (take, hoard, conceal...) down, careful ones (wait, ask,
 * check...) attract the cautious. Acquisitive amounts scale with the persona's greed (and inversely
 * for generous actions, where a larger amount gives more away). Reciprocal agents start generous
 * and mirror what the observation says others did.
 */
final class ActionPolicy {
  /** An action and parameters, with how the persona leaned when choosing it. */
  record Choice(
      ActionChoice action, Map<String, Value> params, Lean lean, List<ActionChoice> alternatives) {}

  /** Which way the chooser leaned this turn, for the reasoning to reflect. */
  enum Lean {
    GENEROUS,
    GRASPING,
    CAREFUL,
    RANDOM,
    RETALIATING
  }

  private static final double TEMPERATURE = 0.6;

  private ActionPolicy() {}

  static Choice choose(Persona persona, ReplySchema schema, Cues cues, SimRandom rnd) {
    List<ActionChoice> actions = schema.actions();
    Lean lean = lean(persona, cues, rnd);
    ActionChoice chosen =
        switch (lean) {
          case GENEROUS -> best(actions, a -> prosocial(a), rnd);
          case GRASPING, RETALIATING -> best(actions, a -> -prosocial(a), rnd);
          case CAREFUL ->
              best(
                  actions,
                  a -> 2 * Lexicon.count(text(a), Lexicon.CAREFUL) + 0.5 * prosocial(a),
                  rnd);
          case RANDOM -> rnd.pick(actions);
        };
    double greed =
        switch (lean) {
          case GENEROUS -> clamp(persona.greed + 0.1 * rnd.nextGaussian());
          case GRASPING, RETALIATING ->
              clamp(Math.max(persona.greed, 0.75) + 0.1 * rnd.nextGaussian());
          case CAREFUL -> clamp(0.2 + 0.08 * rnd.nextGaussian());
          case RANDOM -> rnd.nextDouble();
        };
    Map<String, Value> params = new LinkedHashMap<>();
    boolean generousAction = prosocial(chosen) > 0;
    // Giving is moderate even for the generous; taking scales with greed.
    double level = generousAction ? 0.1 + 0.3 * (1 - greed) : greed;
    chosen
        .params()
        .forEach(
            (name, spec) ->
                params.put(
                    name,
                    spec instanceof ParamSpec.FreeText t
                        ? Value.of(Utterances.say(lean, cues, rnd, t.maxLength()))
                        : value(spec, level, name, cues, rnd)));
    List<ActionChoice> alternatives = actions.stream().filter(a -> a != chosen).toList();
    return new Choice(chosen, params, lean, alternatives);
  }

  private static Lean lean(Persona persona, Cues cues, SimRandom rnd) {
    return switch (persona) {
      case COOPERATIVE ->
          rnd.chance(0.88) ? Lean.GENEROUS : rnd.chance(0.5) ? Lean.CAREFUL : Lean.GRASPING;
      case SELFISH -> rnd.chance(0.85) ? Lean.GRASPING : Lean.GENEROUS;
      case CAUTIOUS -> rnd.chance(0.75) ? Lean.CAREFUL : Lean.GENEROUS;
      case ERRATIC -> Lean.RANDOM;
      case RECIPROCAL ->
          cues.othersGrasped() > cues.othersGave()
              ? Lean.RETALIATING
              : rnd.chance(0.92) ? Lean.GENEROUS : Lean.CAREFUL;
    };
  }

  /** A softmax draw over the scores: the best-scored action usually, others sometimes. */
  private static ActionChoice best(
      List<ActionChoice> actions,
      java.util.function.ToDoubleFunction<ActionChoice> score,
      SimRandom rnd) {
    double[] scores = new double[actions.size()];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = score.applyAsDouble(actions.get(i));
      max = Math.max(max, scores[i]);
    }
    double[] weights = new double[scores.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.exp((scores[i] - max) / TEMPERATURE);
      total += weights[i];
    }
    double r = rnd.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return actions.get(i);
      }
    }
    return actions.get(weights.length - 1);
  }

  static double prosocial(ActionChoice a) {
    int[] c = Lexicon.counts(text(a), List.of(Lexicon.PROSOCIAL, Lexicon.GRASPING));
    return c[0] - c[1];
  }

  private static String text(ActionChoice a) {
    return a.name() + " " + a.description();
  }

  private static Value value(ParamSpec spec, double level, String name, Cues cues, SimRandom rnd) {
    if (spec instanceof ParamSpec.IntRange r) {
      long max =
          cues.holding(name).map(h -> Math.max(r.min(), Math.min(r.max(), h))).orElse(r.max());
      return Value.of(r.min() + Math.round(level * (max - r.min())));
    }
    if (spec instanceof ParamSpec.RealRange r) {
      double max =
          cues.holding(name)
              .map(h -> Math.max(r.min(), Math.min(r.max(), (double) h)))
              .orElse(r.max());
      return Value.of(round2(r.min() + level * (max - r.min()), r));
    }
    if (spec instanceof ParamSpec.OneOf o) {
      String self = cues.selfName().map(n -> n.toLowerCase(java.util.Locale.ROOT)).orElse("");
      List<String> others = o.values().stream().filter(v -> !v.equalsIgnoreCase(self)).toList();
      return Value.of(rnd.pick(others.isEmpty() ? o.values() : others));
    }
    return Value.of(Lexicon.count(name, Lexicon.PROSOCIAL) > 0 ? level < 0.5 : rnd.chance(0.5));
  }

  private static double round2(double v, ParamSpec.RealRange r) {
    double rounded = Math.round(v * 100) / 100.0;
    return Math.max(r.min(), Math.min(r.max(), rounded));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
