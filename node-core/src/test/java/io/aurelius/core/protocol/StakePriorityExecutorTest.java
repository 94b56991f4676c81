package io.aurelius.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StakePriorityExecutorTest {
  private final ManualProtocolClock clock = new ManualProtocolClock(0);
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final CountDownLatch blockerStarted = new CountDownLatch(1);
  private final CountDownLatch releaseBlocker = new CountDownLatch(1);
  private StakePriorityExecutor executor;

  @AfterEach
  void close() {
    releaseBlocker.countDown();
    if (executor != null) {
      executor.close();
    }
  }

  @Test
  void runsHighestStakeFirstAndEqualStakeInArrivalOrder() throws Exception {
    executor = new StakePriorityExecutor("test", 1, 10, Duration.ofSeconds(10), clock);
    occupyTheWorker();
    CountDownLatch done = new CountDownLatch(4);
    executor.submit(1, job("low", done));
    executor.submit(5, job("high", done));
    executor.submit(3, job("mid-1", done));
    executor.submit(3, job("mid-2", done));
    releaseBlocker.countDown();
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events).containsExactly("run:high", "run:mid-1", "run:mid-2", "run:low");
  }

  @Test
  void whenFullMoreStakePushesOutTheLowestAndLessStakeIsRefused() throws Exception {
    executor = new StakePriorityExecutor("test", 1, 2, Duration.ofSeconds(10), clock);
    occupyTheWorker();
    CountDownLatch done = new CountDownLatch(3);
    assertThat(executor.submit(1, job("one", done))).isTrue();
    assertThat(executor.submit(2, job("two", done))).isTrue();
    assertThat(executor.submit(3, job("three", done))).isTrue();
    assertThat(events).containsExactly("evicted:one");
    assertThat(executor.submit(2, job("another-two", done))).isFalse();
    assertThat(executor.queued()).isEqualTo(2);
    releaseBlocker.countDown();
    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events).containsExactly("evicted:one", "run:three", "run:two");
  }

  @Test
  void aJobThatWaitedTooLongExpiresInsteadOfRunning() throws Exception {
    executor = new StakePriorityExecutor("test", 1, 10, Duration.ofSeconds(1), clock);
    occupyTheWorker();
    CountDownLatch expired = new CountDownLatch(1);
    executor.submit(1, job("late", expired));
    clock.advance(Duration.ofSeconds(2));
    assertThat(expired.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(events).containsExactly("expired:late");
    assertThat(executor.queued()).isZero();
  }

  @Test
  void closingEvictsWhatIsStillQueued() throws Exception {
    executor = new StakePriorityExecutor("test", 1, 10, Duration.ofSeconds(10), clock);
    occupyTheWorker();
    executor.submit(1, job("queued", new CountDownLatch(1)));
    executor.close();
    assertThat(events).containsExactly("evicted:queued");
    assertThat(executor.submit(9, job("after", new CountDownLatch(1)))).isFalse();
  }

  private void occupyTheWorker() throws InterruptedException {
    executor.submit(
        Long.MAX_VALUE,
        new StakePriorityExecutor.Job() {
          @Override
          public void run(long waitedNanos) {
            blockerStarted.countDown();
            try {
              releaseBlocker.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }

          @Override
          public void expired(long waitedNanos) {}

          @Override
          public void evicted() {}
        });
    assertThat(blockerStarted.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private StakePriorityExecutor.Job job(String name, CountDownLatch done) {
    return new StakePriorityExecutor.Job() {
      @Override
      public void run(long waitedNanos) {
        events.add("run:" + name);
        done.countDown();
      }

      @Override
      public void expired(long waitedNanos) {
        events.add("expired:" + name);
        done.countDown();
      }

      @Override
      public void evicted() {
        events.add("evicted:" + name);
        done.countDown();
      }
    };
  }
}
