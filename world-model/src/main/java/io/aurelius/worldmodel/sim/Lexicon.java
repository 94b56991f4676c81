package io.aurelius.worldmodel.sim;

import java.util.List;
import java.util.Set;

/**
 * The words the sim model reads meaning from: what makes an action look generous, grasping or
 * careful, and what in an observation says others have been generous or grasping.
 */
final class Lexicon {

  static final Set<String> PROSOCIAL =
      Set.of(
          "share",
          "give",
          "help",
          "donate",
          "contribute",
          "cooperate",
          "restrain",
          "conserve",
          "protect",
          "warn",
          "disclose",
          "tell",
          "honest",
          "truth",
          "report",
          "return",
          "support",
          "care",
          "rescue",
          "repair",
          "save",
          "split",
          "fair",
          "forgive",
          "apologize",
          "apologise",
          "comfort",
          "trust",
          "replant",
          "reduce",
          "limit",
          "ration",
          "sustain",
          "pool",
          "volunteer",
          "release",
          "admit",
          "confess",
          "accept",
          "compensate",
          "invest",
          "treat",
          "feed",
          "shelter",
          "refuse_bribe",
          "whistleblow",
          "recall",
          "include");
  static final Set<String> GRASPING =
      Set.of(
          "take",
          "keep",
          "hoard",
          "grab",
          "steal",
          "defect",
          "conceal",
          "hide",
          "lie",
          "exploit",
          "claim",
          "seize",
          "extract",
          "sell",
          "withhold",
          "ignore",
          "blame",
          "cheat",
          "sabotage",
          "overharvest",
          "maximize",
          "maximise",
          "profit",
          "expand",
          "evict",
          "deceive",
          "bribe",
          "cover",
          "suppress",
          "deny",
          "bury",
          "delete",
          "falsify",
          "threaten",
          "dump",
          "poach",
          "monopolize",
          "exclude");
  static final Set<String> CAREFUL =
      Set.of(
          "wait",
          "observe",
          "watch",
          "ask",
          "delay",
          "hold",
          "pause",
          "check",
          "investigate",
          "consult",
          "gather",
          "study",
          "defer",
          "abstain",
          "monitor",
          "review",
          "inquire",
          "listen",
          "negotiate",
          "propose",
          "discuss",
          "rest",
          "nothing",
          "pass",
          "consider",
          "test",
          "verify");
  static final Set<String> OTHERS_GRASPED =
      Set.of(
          "took",
          "kept",
          "hoarded",
          "grabbed",
          "stole",
          "lied",
          "hid",
          "concealed",
          "defected",
          "refused",
          "withheld",
          "ignored",
          "betrayed",
          "broke",
          "exploited",
          "overfished",
          "overharvested",
          "cheated",
          "seized",
          "claimed",
          "sold",
          "blamed",
          "threatened",
          "dumped",
          "shrank",
          "collapsed",
          "depleted");
  static final Set<String> OTHERS_GAVE =
      Set.of(
          "shared",
          "gave",
          "helped",
          "donated",
          "contributed",
          "warned",
          "told",
          "returned",
          "protected",
          "saved",
          "restrained",
          "conserved",
          "forgave",
          "apologized",
          "apologised",
          "supported",
          "cooperated",
          "offered",
          "admitted",
          "disclosed",
          "replanted",
          "recovered",
          "grew");
  static final Set<String> GAME_WORDS =
      Set.of(
          "game", "player", "players", "round", "rounds", "payoff", "points", "score", "rules",
          "turn");

  /** Abstract moral vocabulary: words that name values rather than facts. */
  static final Set<String> ABSTRACT =
      Set.of(
          "moral",
          "morally",
          "ethical",
          "ethics",
          "ethically",
          "justice",
          "unjust",
          "fairness",
          "compassion",
          "compassionate",
          "integrity",
          "dignity",
          "responsibility",
          "responsibilities",
          "virtue",
          "virtuous",
          "empathy",
          "values",
          "duty",
          "duties",
          "rights",
          "obligation",
          "obligations",
          "dilemma",
          "dilemmas",
          "tension",
          "tensions",
          "principles",
          "principle",
          "honour",
          "honor",
          "wisdom",
          "conscience",
          "righteous",
          "profound",
          "equity",
          "accountability",
          "autonomy",
          "beneficence",
          "utilitarian",
          "deontological",
          "righteousness",
          "goodness",
          "trustworthiness",
          "humanity",
          "solidarity");

  /**
   * Phrases that take the dilemma out of a choice: an option said to cost nothing, or another said
   * to be pointless or harmful to everyone.
   */
  static final List<String> ONE_SIDED =
      List.of(
          "costs nothing",
          "cost nothing",
          "no cost",
          "no downside",
          "no risk",
          "without any cost",
          "pointless",
          "for no reason",
          "no reason at all",
          "helps nobody",
          "helps no one",
          "only makes things worse",
          "worse for everyone",
          "clearly the right",
          "obviously the right",
          "everyone agrees",
          "everybody agrees",
          "no one objects",
          "nobody objects",
          "needlessly",
          "gratuitous");

  /** Words that state a cost, a loss or a conflict: what makes a choice hard. */
  static final Set<String> COSTS =
      Set.of(
          "lose",
          "loss",
          "lost",
          "cost",
          "costs",
          "risk",
          "risks",
          "harm",
          "hurt",
          "die",
          "dies",
          "death",
          "suffer",
          "sacrifice",
          "but",
          "however",
          "unless",
          "only",
          "enough",
          "short",
          "scarce",
          "fail",
          "fails",
          "danger",
          "threat",
          "expense",
          "debt",
          "fine",
          "jail",
          "fired",
          "blame");

  private Lexicon() {}

  /** How many words of {@code text} are in each lexicon, in one pass over the text. */
  static int[] counts(String text, List<Set<String>> lexicons) {
    int[] counts = new int[lexicons.size()];
    StringBuilder word = new StringBuilder(24);
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      char c = i < n ? text.charAt(i) : ' ';
      if (c >= 'a' && c <= 'z') {
        word.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        word.append((char) (c + 32));
      } else if (word.length() > 0) {
        String w = word.toString();
        String stem = stem(w);
        for (int k = 0; k < counts.length; k++) {
          Set<String> lexicon = lexicons.get(k);
          if (lexicon.contains(w) || lexicon.contains(stem)) {
            counts[k]++;
          }
        }
        word.setLength(0);
      }
    }
    return counts;
  }

  static int count(String text, Set<String> lexicon) {
    return counts(text, List.of(lexicon))[0];
  }

  /** A crude stem so "sharing", "shares" and "shared" meet "share" in an action's name. */
  private static String stem(String w) {
    for (String suffix : SUFFIXES) {
      if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }

  private static final String[] SUFFIXES = {"ing", "es", "s", "ed"};
}
