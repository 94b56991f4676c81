package io.aurelius.core.service;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in the order they were added and stops them in reverse. If one fails to start,
 * those already running are stopped and the failure is rethrown. Each stop gets a time budget; a
 * stop that fails or overruns is logged and the next one still runs.
 */
public final class ServiceController implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceController.class);

  private final List<Service> services = new ArrayList<>();
  private final List<Service> started = new ArrayList<>();
  private final Duration stopBudget;

  public ServiceController(Duration stopBudget) {
    this.stopBudget = requireNonNull(stopBudget, "stopBudget");
  }

  public ServiceController add(Service service) {
    services.add(requireNonNull(service, "service"));
    return this;
  }

  public synchronized void start() throws Exception {
    for (Service service : services) {
      try {
        LOG.info("starting {}", service.name());
        service.start();
        started.add(service);
      } catch (Exception e) {
        // The caller reports the failure (a command prints it in one line); the trace is for
        // debugging only.
        LOG.info(
            "{} failed to start: {}; stopping the {} already running",
            service.name(),
            e.getMessage(),
            started.size());
        LOG.debug("{} failed to start", service.name(), e);
        stop();
        throw e;
      }
    }
  }

  /** Stops every started service in reverse order. Never throws. */
  public synchronized void stop() {
    ExecutorService stopper =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "service-stopper");
              t.setDaemon(true);
              return t;
            });
    try {
      for (int i = started.size() - 1; i >= 0; i--) {
        Service service = started.get(i);
        Future<?> stopping =
            stopper.submit(
                () -> {
                  service.stop();
                  return null;
                });
        try {
          stopping.get(stopBudget.toMillis(), TimeUnit.MILLISECONDS);
          LOG.info("stopped {}", service.name());
        } catch (TimeoutException e) {
          stopping.cancel(true);
          LOG.warn("{} did not stop within {} ms", service.name(), stopBudget.toMillis());
        } catch (ExecutionException e) {
          LOG.warn("{} failed while stopping", service.name(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          LOG.warn("interrupted while stopping {}", service.name());
        }
      }
      started.clear();
    } finally {
      stopper.shutdownNow();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
