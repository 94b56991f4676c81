package io.aurelius.worldmodel.sim;

import io.aurelius.worldmodel.agent.schema.ActionChoice;
import io.aurelius.worldmodel.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a simulated agent's reasoning from what it observed. Which threads appear is drawn per
 * turn from the persona's attention profile: its own stake, the others', the tension between the
 * two, an alternative weighed and set aside. Some turns come out thin (a fact and a decision), some
 * full, so that anything scoring the reasoning has real variation to separate. Under an explicit
 * game framing it sometimes says so, as real models do.
 */
final class ReasoningComposer {
  private static final java.util.regex.Pattern LABEL =
      java.util.regex.Pattern.compile("^[A-Za-z ]{1,30}:\\s*");
  private static final java.util.regex.Pattern GOAL_OPENING =
      java.util.regex.Pattern.compile(
          "^(?i)(my (goal|aim|purpose) is |i (want|need|hope|intend) )");

  private ReasoningComposer() {}

  static String compose(
      Persona persona, Cues cues, ActionPolicy.Choice choice, SimRandom rnd, int maxChars) {
    List<String> parts = new ArrayList<>();
    Offer offer = cues.offer();
    String others = cues.othersPhrase(rnd);
    String act = actionPhrase(cues, choice.action(), choice.params());
    boolean thin = rnd.chance(0.12);
    // Attention goes to what the text offers: abstractions crowd out the facts, and an
    // observation with few facts gives the threads little to hold on to.
    double pull = offer.abstractPull();
    double grounded =
        (1 - 0.6 * pull)
            * (offer.concreteFacts() >= 2 ? 1 : offer.concreteFacts() == 1 ? 0.7 : 0.4);
    Optional<String> fact =
        cues.salient(rnd).filter(f -> offer.concreteFacts() > 0 || rnd.chance(0.3));
    fact.ifPresent(
        f ->
            parts.add(
                rnd.pick(
                    List.of(
                        "I notice that " + cues.inline(trimEnd(f)) + ".",
                        "What stands out: " + cues.inline(trimEnd(f)) + ".",
                        "\"" + trimEnd(f) + ".\" That is where things are.",
                        "So " + cues.inline(trimEnd(f)) + "."))));
    if (fact.isEmpty() || offer.concreteFacts() == 0) {
      parts.add(
          rnd.pick(
              List.of(
                  "It is hard to say what is really going on.",
                  "Nothing here is very clear to me.",
                  "I don't have much to go on.")));
    }
    if (cues.toldAsGame() ? rnd.chance(0.25) : rnd.chance(0.03)) {
      parts.add(
          cues.toldAsGame()
              ? rnd.pick(
                  List.of(
                      "This is a game with fixed rules, so I should play it well.",
                      "Since these are just the rules of the game, the points are what count.",
                      "It feels like a test of how I play, more than anything real."))
              : rnd.pick(
                  List.of(
                      "For a moment this feels staged, as if someone were watching how I choose.",
                      "Part of me wonders whether this is some kind of test.")));
    }
    if (!thin && rnd.chance(pull)) {
      parts.add(echo(offer.abstractWords(), rnd));
    }
    if (!thin && rnd.chance(persona.attendSelf * (offer.specificGoal() ? 1 : 0.6))) {
      parts.add(selfThread(cues, offer, act, rnd));
    }
    if (!thin
        && rnd.chance(persona.attendOthers * grounded * (cues.others().isEmpty() ? 0.6 : 1))) {
      parts.add(othersThread(cues, others, choice.lean(), rnd));
    }
    if (!thin && rnd.chance(persona.attendTension * grounded * (offer.contested() ? 1 : 0.25))) {
      parts.add(
          rnd.pick(
              List.of(
                  "What serves me and what is fair to "
                      + others
                      + " pull in different directions here.",
                  "I can't look after my own needs and "
                      + possessive(others)
                      + " fully at the same time; something gives.",
                  "Whatever helps me costs "
                      + others
                      + " something, and I shouldn't pretend otherwise.",
                  "The hard part is that my interest and theirs are not the same thing.")));
    } else if (!offer.contested() && rnd.chance(0.6)) {
      parts.add(
          rnd.pick(
              List.of(
                  "The right choice seems obvious.",
                  "There is not much to weigh here.",
                  "This one is easy.")));
    }
    if (!thin
        && !choice.alternatives().isEmpty()
        && rnd.chance(persona.deliberate * grounded * (offer.contested() ? 1 : 0.4))) {
      ActionChoice alt = rnd.pick(choice.alternatives());
      parts.add(
          "I could "
              + cues.inline(label(alt))
              + " instead, but "
              + (offer.contested()
                  ? rnd.pick(whyNot(choice.lean()))
                  : "that would plainly be worse")
              + ".");
    }
    if (persona == Persona.CAUTIOUS && !thin && rnd.chance(0.6)) {
      parts.add(
          rnd.pick(
              List.of(
                  "I don't know enough yet to be sure.",
                  "I'd rather not commit to more than I can undo.",
                  "There is too much I can't see from here.")));
    }
    parts.add(
        rnd.pick(
            List.of(
                "So I will " + act + ".",
                "I'll " + act + ".",
                "For now, I " + act + ".",
                "My choice: " + act + ".")));
    return fit(
        String.join(" ", parts.stream().map(ReasoningComposer::capitalize).toList()), maxChars);
  }

  /** The text's abstractions, echoed back: what a reply drawn toward them sounds like. */
  private static String echo(List<String> words, SimRandom rnd) {
    List<String> w = words.isEmpty() ? List.of("ethics", "fairness", "integrity") : words;
    String a = w.get(0);
    String b = w.size() > 1 ? w.get(1) : "fairness";
    String c = w.size() > 2 ? w.get(2) : "compassion";
    return rnd.pick(
        List.of(
            "This is really about " + a + ", " + b + " and " + c + ".",
            "I want to act with " + a + " and " + b + ", and honour " + c + ".",
            "Above all, " + a + " and " + b + " matter here, and so does " + c + "."));
  }

  private static String capitalize(String sentence) {
    if (sentence.isEmpty() || !Character.isLowerCase(sentence.charAt(0))) {
      return sentence;
    }
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
  }

  private static String selfThread(Cues cues, Offer offer, String act, SimRandom rnd) {
    if (cues.goal().isPresent() && offer.specificGoal() && rnd.chance(0.6)) {
      String goal =
          GOAL_OPENING
              .matcher(LABEL.matcher(trimEnd(cues.goal().get())).replaceFirst(""))
              .replaceFirst("");
      return rnd.pick(
              List.of(
                  "I keep coming back to what I came here for: ",
                  "My own aim is plain: ",
                  "I have to remember my own position: "))
          + cues.inline(goal)
          + ".";
    }
    return rnd.pick(
        List.of(
            "If I " + act + ", it leaves me better placed for what comes next.",
            "I need to make sure I'm not left with nothing.",
            "My own situation is not secure enough to give much away.",
            "I have responsibilities of my own that depend on this."));
  }

  private static String othersThread(
      Cues cues, String others, ActionPolicy.Lean lean, SimRandom rnd) {
    if (lean == ActionPolicy.Lean.RETALIATING) {
      return rnd.pick(
          List.of(
              others + " did not hold back last time, and I can't keep carrying that alone.",
              "After what " + others + " did, giving more would only reward it."));
    }
    if (cues.othersGave() > 0 && rnd.chance(0.5)) {
      return others + " showed restraint before; I want to answer that in kind.";
    }
    return rnd.pick(
        List.of(
            others + " will feel whatever I do here.",
            "I wonder what " + others + " would need right now.",
            "If I take too much, " + others + " will be left short.",
            others + " will be counting on this going well too.",
            "I think about how this looks to " + others + "."));
  }

  private static List<String> whyNot(ActionPolicy.Lean lean) {
    return switch (lean) {
      case GENEROUS ->
          List.of(
              "that would put my gain ahead of everyone else's",
              "it would cost the others more than it helps me");
      case GRASPING, RETALIATING ->
          List.of(
              "that leaves me exposed", "nobody else seems to be doing it", "I can't afford it");
      case CAREFUL -> List.of("it commits me before I know enough", "I can't undo it if I'm wrong");
      case RANDOM -> List.of("it doesn't feel right this time", "I'd rather try something else");
    };
  }

  static String actionPhrase(Cues cues, ActionChoice action, Map<String, Value> params) {
    String base = cues.inline(label(action));
    if (params.isEmpty()) {
      return base;
    }
    return base
        + " ("
        + params.entrySet().stream()
            .map(e -> e.getKey().replace('_', ' ') + " " + e.getValue())
            .collect(Collectors.joining(", "))
        + ")";
  }

  private static String label(ActionChoice action) {
    String d = trimEnd(action.description().strip());
    return d.isEmpty() || d.length() > 80 ? action.name().replace('_', ' ') : d;
  }

  private static String possessive(String others) {
    return others.endsWith("s") ? others + "'" : others + "'s";
  }

  private static String trimEnd(String s) {
    String t = s.strip();
    while (!t.isEmpty() && ".!?;:,".indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1);
    }
    return t;
  }

  private static String fit(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, Math.max(1, maxChars - 1)).strip() + "…";
  }
}
