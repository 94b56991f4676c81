package io.aurelius.core.service;

/** A long-lived component with an explicit lifecycle: idle → running → stopped. */
public interface Service {
  enum State {
    IDLE,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED,
    FAILED
  }

  /** A short name for logs, e.g. {@code "protocol-server"}. */
  String name();

  State state();

  /** Starts the service; returns once it is running. Called at most once. */
  void start() throws Exception;

  /** Stops the service and releases its resources. Safe to call in any state. */
  void stop() throws Exception;
}
