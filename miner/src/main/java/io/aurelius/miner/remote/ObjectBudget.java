package io.aurelius.miner.remote;

import org.eclipse.jgit.lib.ProgressMonitor;

/**
 * Cancels a fetch whose pack announces, or delivers, more objects than allowed; JGit's pack parser
 * asks {@link #isCancelled()} as it reads. A configuration repository holds a few objects per
 * configuration, so the budget is generous for honest remotes.
 */
final class ObjectBudget implements ProgressMonitor {
  private final int maxObjects;
  private volatile boolean exceeded;
  private long seen;

  ObjectBudget(int maxObjects) {
    this.maxObjects = maxObjects;
  }

  boolean exceeded() {
    return exceeded;
  }

  @Override
  public void start(int totalTasks) {}

  @Override
  public void beginTask(String title, int totalWork) {
    seen = 0;
    if (totalWork != UNKNOWN && totalWork > maxObjects) {
      exceeded = true;
    }
  }

  @Override
  public void update(int completed) {
    seen += completed;
    if (seen > maxObjects) {
      exceeded = true;
    }
  }

  @Override
  public void endTask() {}

  @Override
  public boolean isCancelled() {
    return exceeded;
  }

  @Override
  public void showDuration(boolean enabled) {}
}
