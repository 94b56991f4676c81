package io.aurelius.core.service;

import java.util.concurrent.atomic.AtomicReference;

/** Enforces the lifecycle so subclasses only write {@link #doStart()} and {@link #doStop()}. */
public abstract class AbstractService implements Service {
  private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);

  @Override
  public final State state() {
    return state.get();
  }

  @Override
  public final void start() throws Exception {
    if (!state.compareAndSet(State.IDLE, State.STARTING)) {
      throw new IllegalStateException(name() + ": cannot start from " + state.get());
    }
    try {
      doStart();
      state.set(State.RUNNING);
    } catch (Exception | Error e) {
      state.set(State.FAILED);
      throw e;
    }
  }

  @Override
  public final void stop() throws Exception {
    State previous = state.getAndSet(State.STOPPING);
    switch (previous) {
      case IDLE, STOPPED -> state.set(State.STOPPED);
      case STOPPING -> {} // another caller is stopping it
      default -> {
        try {
          doStop();
        } finally {
          state.set(State.STOPPED);
        }
      }
    }
  }

  protected abstract void doStart() throws Exception;

  protected abstract void doStop() throws Exception;
}
