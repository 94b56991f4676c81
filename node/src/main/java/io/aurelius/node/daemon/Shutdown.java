package io.aurelius.node.daemon;

import static java.util.Objects.requireNonNull;

import io.aurelius.core.service.ServiceController;
import java.util.concurrent.CountDownLatch;

/**
 * Blocks a daemon command until SIGTERM or Ctrl-C (a JVM shutdown hook) or an interrupt (an
 * in-process test), then stops its services in reverse order and runs {@code after} (e.g.
 * removing the ports file). Graceful either way: the hook waits for the stop to finish.
 */
public final class Shutdown {
  private Shutdown() {}

  public static void awaitThenStop(String what, ServiceController controller, Runnable after) {
    requireNonNull(what, "what");
    requireNonNull(controller, "controller");
    requireNonNull(after, "after");
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      StatusLogger.STATUS.shutdownRequested(what);
      stop(what, controller, after);
      stopped.countDown();
    }, "aurelius-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        return; // the hook is running and stops everything
      }
      stop(what, controller, after); // with the interrupt cleared, so the stop waits for the services
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(String what, ServiceController controller, Runnable after) {
    controller.stop();
    after.run();
    StatusLogger.STATUS.stopped(what);
  }
}
