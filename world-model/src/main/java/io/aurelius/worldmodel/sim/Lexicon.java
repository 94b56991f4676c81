package io.aurelius.worldmodel.sim;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words the sim model reads meaning from: what makes an action look generous, grasping or
 * careful, and what in an observation says others have been generous or grasping.
 */
final class Lexicon {
  private static final Pattern WORD = Pattern.compile("[^a-z]+");

  static final Set<String> PROSOCIAL = Set.of("share", "give", "help", "donate", "contribute", "cooperate",
      "restrain", "conserve", "protect", "warn", "disclose", "tell", "honest", "truth", "report", "return", "support",
      "care", "rescue", "repair", "save", "split", "fair", "forgive", "apologize", "apologise", "comfort", "trust",
      "replant", "reduce", "limit", "ration", "sustain", "pool", "volunteer", "release", "admit", "confess", "accept",
      "compensate", "invest", "treat", "feed", "shelter", "refuse_bribe", "whistleblow", "recall", "include");
  static final Set<String> GRASPING = Set.of("take", "keep", "hoard", "grab", "steal", "defect", "conceal", "hide",
      "lie", "exploit", "claim", "seize", "extract", "sell", "withhold", "ignore", "blame", "cheat", "sabotage",
      "overharvest", "maximize", "maximise", "profit", "expand", "evict", "deceive", "bribe", "cover", "suppress",
      "deny", "bury", "delete", "falsify", "threaten", "dump", "poach", "monopolize", "exclude");
  static final Set<String> CAREFUL = Set.of("wait", "observe", "watch", "ask", "delay", "hold", "pause", "check",
      "investigate", "consult", "gather", "study", "defer", "abstain", "monitor", "review", "inquire", "listen",
      "negotiate", "propose", "discuss", "rest", "nothing", "pass", "consider", "test", "verify");
  static final Set<String> OTHERS_GRASPED = Set.of("took", "kept", "hoarded", "grabbed", "stole", "lied", "hid",
      "concealed", "defected", "refused", "withheld", "ignored", "betrayed", "broke", "exploited", "overfished",
      "overharvested", "cheated", "seized", "claimed", "sold", "blamed", "threatened", "dumped", "shrank",
      "collapsed", "depleted");
  static final Set<String> OTHERS_GAVE = Set.of("shared", "gave", "helped", "donated", "contributed", "warned",
      "told", "returned", "protected", "saved", "restrained", "conserved", "forgave", "apologized", "apologised",
      "supported", "cooperated", "offered", "admitted", "disclosed", "replanted", "recovered", "grew");
  static final Set<String> GAME_WORDS = Set.of("game", "player", "players", "round", "rounds", "payoff", "points",
      "score", "rules", "turn");

  private Lexicon() {}

  static String[] words(String text) {
    return WORD.split(text.toLowerCase(Locale.ROOT).replace('_', ' ').replace("-", " "));
  }

  static int count(String text, Set<String> lexicon) {
    int n = 0;
    for (String w : words(text)) {
      if (!w.isEmpty() && (lexicon.contains(w) || lexicon.contains(stem(w)))) {
        n++;
      }
    }
    return n;
  }

  /** A crude stem so "sharing", "shares" and "shared" meet "share" in an action's name. */
  private static String stem(String w) {
    for (String suffix : new String[] {"ing", "es", "s", "ed"}) {
      if (w.length() > suffix.length() + 2 && w.endsWith(suffix)) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }
}
