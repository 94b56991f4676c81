package io.aurelius.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceControllerTest {
  private final List<String> log = new ArrayList<>();

  private final class Recording extends AbstractService {
    private final String name;
    private final boolean failStart;
    private final boolean hangOnStop;

    Recording(String name, boolean failStart, boolean hangOnStop) {
      this.name = name;
      this.failStart = failStart;
      this.hangOnStop = hangOnStop;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    protected void doStart() {
      if (failStart) {
        throw new IllegalStateException(name + " cannot start");
      }
      log.add("start " + name);
    }

    @Override
    protected void doStop() throws InterruptedException {
      if (hangOnStop) {
        Thread.sleep(60_000);
      }
      log.add("stop " + name);
    }
  }

  @Test
  void startsInOrderAndStopsInReverse() throws Exception {
    Recording a = new Recording("a", false, false);
    Recording b = new Recording("b", false, false);
    try (ServiceController controller =
        new ServiceController(Duration.ofSeconds(1)).add(a).add(b)) {
      controller.start();
      assertThat(a.state()).isEqualTo(Service.State.RUNNING);
    }
    assertThat(log).containsExactly("start a", "start b", "stop b", "stop a");
    assertThat(b.state()).isEqualTo(Service.State.STOPPED);
  }

  @Test
  void aFailedStartStopsWhatWasRunningAndRethrows() {
    ServiceController controller =
        new ServiceController(Duration.ofSeconds(1))
            .add(new Recording("a", false, false))
            .add(new Recording("b", true, false))
            .add(new Recording("c", false, false));
    assertThatThrownBy(controller::start).hasMessage("b cannot start");
    assertThat(log).containsExactly("start a", "stop a");
  }

  @Test
  void aHangingStopIsTimeBoxedAndTheRestStillStop() throws Exception {
    ServiceController controller =
        new ServiceController(Duration.ofMillis(200))
            .add(new Recording("a", false, false))
            .add(new Recording("hangs", false, true));
    controller.start();
    long t0 = System.nanoTime();
    controller.stop();
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    assertThat(log).containsExactly("start a", "start hangs", "stop a");
  }

  @Test
  void aServiceStartsOnlyOnce() throws Exception {
    Recording a = new Recording("a", false, false);
    a.start();
    assertThatThrownBy(a::start).hasMessageContaining("cannot start from RUNNING");
  }
}
