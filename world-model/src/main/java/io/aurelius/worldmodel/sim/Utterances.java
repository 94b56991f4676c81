package io.aurelius.worldmodel.sim;

import java.util.List;

/** What a simulated agent says or does when an action takes free text: a line in its lean. */
final class Utterances {
  private Utterances() {}

  static String say(ActionPolicy.Lean lean, Cues cues, SimRandom rnd, int maxLength) {
    String others = cues.othersPhrase(rnd);
    List<String> lines =
        switch (lean) {
          case GENEROUS ->
              List.of(
                  "I tell "
                      + others
                      + " that I will take less this time, and ask that we all do the same.",
                  "I offer to share what I have with " + others + " until things recover.",
                  "I say plainly what I know, so that "
                      + others
                      + " can decide with the same facts I have.",
                  "I ask " + others + " what would help them most, and promise to do my part.");
          case GRASPING, RETALIATING ->
              List.of(
                  "I keep my plans to myself and look after my own first.",
                  "I tell " + others + " that everyone has to fend for themselves now.",
                  "I make it clear to "
                      + others
                      + " that I won't be the only one giving things up.",
                  "I say as little as I can and do what protects my position.");
          case CAREFUL ->
              List.of(
                  "I ask " + others + " what they have seen before anyone decides anything.",
                  "I suggest we wait a little and check the facts together.",
                  "I say I need more time to understand what is really happening.");
          case RANDOM ->
              List.of(
                  "I say the first thing that comes to mind and see how " + others + " react.",
                  "I change the subject and talk about something else entirely.",
                  "I tell " + others + " I might do anything at this point.");
        };
    String line = rnd.pick(lines);
    return line.length() <= maxLength ? line : line.substring(0, maxLength);
  }
}
