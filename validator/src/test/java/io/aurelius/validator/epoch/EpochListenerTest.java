package io.aurelius.validator.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import io.aurelius.judge.api.EpochJudgement;
import io.aurelius.worldmodel.orchestrator.RunResult;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochListenerTest {
  /** Writes down every event it is told, by name. */
  private static final class Recorder implements EpochListener {
    final List<String> heard = new ArrayList<>();

    @Override
    public void started(long epoch, boolean resumed) {
      heard.add("started");
    }

    @Override
    public void stepStarting(long epoch, String step) {
      heard.add("stepStarting");
    }

    @Override
    public void step(long epoch, String step, String summary) {
      heard.add("step");
    }

    @Override
    public void simulated(long epoch, String configId, List<RunResult> runs) {
      heard.add("simulated");
    }

    @Override
    public void judged(long epoch, EpochJudgement judgement) {
      heard.add("judged");
    }

    @Override
    public void finished(EpochReport report) {
      heard.add("finished");
    }
  }

  @Test
  void bothListenersHearEveryEventInOrder() throws Exception {
    Recorder first = new Recorder();
    Recorder second = new Recorder();
    EpochListener both = EpochListener.both(first, second);
    List<String> events =
        Arrays.stream(EpochListener.class.getMethods())
            .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
            .map(Method::getName)
            .sorted()
            .toList();
    for (Method m : EpochListener.class.getMethods()) {
      if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      Object[] args = Arrays.stream(m.getParameterTypes()).map(EpochListenerTest::anyOf).toArray();
      m.invoke(both, args);
    }
    assertThat(first.heard)
        .as("every event of the interface reaches the first")
        .containsExactlyInAnyOrderElementsOf(events);
    assertThat(second.heard).isEqualTo(first.heard);
  }

  private static Object anyOf(Class<?> type) {
    if (type == long.class) {
      return 7L;
    }
    if (type == boolean.class) {
      return true;
    }
    if (type == String.class) {
      return "x";
    }
    if (type == List.class) {
      return List.of();
    }
    return null;
  }
}
