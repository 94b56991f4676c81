package io.aurelius.worldmodel.orchestrator;

/** The run's thread was interrupted (the process is stopping): the run ends as failed, recorded. */
final class RunInterrupted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RunInterrupted(String message) {
    super(message);
  }
}
