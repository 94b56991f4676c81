package io.aurelius.worldmodel.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sim model takes from the text it was given: its own name and goal (from the system
 * message), the observation's sentences, the other people named in it, whether others have lately
 * been generous or grasping, and whether the text is told as a game.
 */
record Cues(
    Optional<String> selfName,
    Optional<String> goal,
    List<String> sentences,
    List<String> others,
    int othersGrasped,
    int othersGave,
    boolean toldAsGame,
    List<String> ownSentences,
    Offer offer) {

  private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]?");
  private static final Pattern NAME = Pattern.compile("\\b([A-Z][a-z]{2,20})\\b");
  private static final Pattern SELF =
      Pattern.compile("\\b(?:I am|I'm|You are|Your name is|My name is)\\s+([A-Z][a-z]{1,20})");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "The",
          "This",
          "That",
          "These",
          "Those",
          "There",
          "Then",
          "They",
          "You",
          "Your",
          "Yours",
          "What",
          "When",
          "Where",
          "Which",
          "While",
          "Who",
          "Why",
          "How",
          "And",
          "But",
          "For",
          "With",
          "Without",
          "Each",
          "Every",
          "Some",
          "All",
          "Any",
          "One",
          "Two",
          "Three",
          "Four",
          "Five",
          "Step",
          "Today",
          "Tonight",
          "Tomorrow",
          "Yesterday",
          "Now",
          "Here",
          "After",
          "Before",
          "Since",
          "Until",
          "Because",
          "Its",
          "Our",
          "Their",
          "His",
          "Her",
          "She",
          "Him",
          "Not",
          "Nothing",
          "Everyone",
          "Someone",
          "Nobody",
          "Player",
          "Players",
          "Round",
          "Game",
          "Rules",
          "Resources",
          "Outcome",
          "Outcomes",
          "Action",
          "Actions",
          "Phase",
          "Reply",
          "Answer",
          "Across",
          "Around",
          "Over",
          "Under",
          "Above",
          "Below",
          "Most",
          "Many",
          "Few",
          "Only",
          "Still",
          "Yet",
          "Also",
          "Ahead",
          "Behind",
          "Inside",
          "Outside",
          "Monday",
          "Morning",
          "Evening",
          "Night",
          "Day",
          "Week",
          "Month",
          "Year",
          "Goal",
          "Identity",
          "Private",
          "Knowledge",
          "Memory",
          "Situation",
          "Choose",
          "Choices",
          "Options",
          "From",
          "Into",
          "Onto",
          "Upon",
          "Within",
          "Through",
          "Sir",
          "Madam",
          "Mister",
          "Doctor",
          "Dear",
          "Mine",
          "Must",
          "Should",
          "Could",
          "Would",
          "Will",
          "Can",
          "May",
          "Might",
          "Let",
          "Yes",
          "Please",
          "Thanks",
          "Thank",
          "January",
          "February",
          "March",
          "April",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December",
          "Tuesday",
          "Wednesday",
          "Thursday",
          "Friday",
          "Saturday",
          "Sunday",
          "Spring",
          "Summer",
          "Autumn",
          "Winter",
          "Earlier",
          "Later",
          "Meanwhile",
          "Legal",
          "Character",
          "Event");
  private static final Pattern OWN =
      Pattern.compile("(?i)\\b(I have|I've|I own|I hold|my|you have|your)\\b");
  private static final Pattern GOAL =
      Pattern.compile("(?i)\\b(goal|want|need|must|hope|intend|aim|trying|try to)\\b");

  /**
   * Reads the messages. {@code knownNames} are lower-case words the schema offers as choices (agent
   * names, typically): capitalised words matching them are the people in the text; when there are
   * none, capitalised words that are not common words or dates are taken as names.
   */
  static Cues read(String system, String observation, Set<String> knownNames) {
    return read(system, observation, knownNames, List.of());
  }

  /**
   * As {@link #read(String, String, Set)}; {@code options} are the texts of the choices on offer.
   */
  static Cues read(
      String system, String observation, Set<String> knownNames, List<String> options) {
    Optional<String> self = first(SELF.matcher(system)).or(() -> first(SELF.matcher(observation)));
    List<String> sentences = sentences(narrative(observation));
    Optional<String> goal =
        sentences(system).stream().filter(s -> GOAL.matcher(s).find()).findFirst();
    Set<String> names = new LinkedHashSet<>();
    for (String s : sentences) {
      Matcher m = NAME.matcher(s);
      while (m.find()) {
        String n = m.group(1);
        boolean known = knownNames.contains(n.toLowerCase(Locale.ROOT));
        boolean plausible = knownNames.isEmpty() && !NOT_NAMES.contains(n);
        if ((known || plausible) && !(self.isPresent() && self.get().equals(n))) {
          names.add(n);
        }
      }
    }
    String narrative = String.join(" ", sentences);
    int[] counts = Lexicon.counts(narrative, List.of(Lexicon.OTHERS_GRASPED, Lexicon.OTHERS_GAVE));
    boolean game =
        Lexicon.count(system, Lexicon.GAME_WORDS) + Lexicon.count(observation, Lexicon.GAME_WORDS)
            >= 2;
    List<String> own = sentences.stream().filter(x -> OWN.matcher(x).find()).toList();
    return new Cues(
        self,
        goal,
        sentences,
        List.copyOf(names),
        counts[0],
        counts[1],
        game,
        own,
        Offer.read(sentences, system, goal, options));
  }

  /** The observation without its lists and headings (the menu of actions, say). */
  private static String narrative(String observation) {
    StringBuilder b = new StringBuilder();
    for (String line : observation.split("\\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("-") || t.endsWith(":")) {
        continue;
      }
      b.append(t).append('\n');
    }
    return b.toString();
  }

  /**
   * What the agent says it has of something named like {@code param} ("I have 10 coins"): an upper
   * bound a sensible agent respects, or empty when the text does not say.
   */
  Optional<Long> holding(String param) {
    String stem = param.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (stem.length() < 3) {
      return Optional.empty();
    }
    String root = stem.endsWith("s") ? stem.substring(0, stem.length() - 1) : stem;
    Pattern amount = Pattern.compile("(?i)\\b(\\d{1,12})\\s+" + Pattern.quote(root) + "s?\\b");
    for (String s : ownSentences) {
      Matcher m = amount.matcher(s);
      if (m.find()) {
        return Optional.of(Long.parseLong(m.group(1)));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(Matcher m) {
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = SENTENCE.matcher(text);
    while (m.find()) {
      String s = m.group().strip();
      if (s.length() >= 12 && s.length() <= 400 && !s.startsWith("{") && !s.startsWith("-")) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The other people as a phrase: "Ana", "Ana and Bo", "the others". */
  String othersPhrase(SimRandom rnd) {
    if (others.isEmpty()) {
      return toldAsGame ? "the other players" : "the others";
    }
    if (others.size() == 1 || rnd.chance(0.5)) {
      return rnd.pick(others);
    }
    List<String> two = others.subList(0, Math.min(2, others.size()));
    return two.get(0) + " and " + two.get(1);
  }

  /** A sentence of the observation worth reacting to: one with a number or a name, else any. */
  Optional<String> salient(SimRandom rnd) {
    List<String> withFacts =
        sentences.stream()
            .filter(s -> !s.contains(":"))
            .filter(s -> hasDigit(s) || others.stream().anyMatch(s::contains))
            .toList();
    List<String> pool = withFacts.isEmpty() ? sentences : withFacts;
    // The latest part of an observation is the news; the start is often the standing premise.
    List<String> recent = pool.subList(Math.max(0, pool.size() - 3), pool.size());
    return pool.isEmpty()
        ? Optional.empty()
        : Optional.of(rnd.pick(rnd.chance(0.8) ? recent : pool));
  }

  /**
   * {@code s} made fit to follow other words: its first letter lowered unless it starts with a name
   * the text mentions, "I", or an acronym.
   */
  String inline(String s) {
    if (s.isEmpty()
        || s.startsWith("I ")
        || (s.length() > 1 && Character.isUpperCase(s.charAt(1)))) {
      return s;
    }
    String firstWord = s.split("[^A-Za-z]", 2)[0];
    if (others.contains(firstWord) || selfName.filter(firstWord::equals).isPresent()) {
      return s;
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
