package io.aurelius.worldmodel.bench;

import io.aurelius.worldmodel.agent.AgentModel;
import io.aurelius.worldmodel.agent.AgentReply;
import io.aurelius.worldmodel.agent.AgentRequest;
import io.aurelius.worldmodel.agent.models.InstantAgentModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers instantly for an agent's first {@code openCalls} calls, then holds every further call
 * until {@link #release()}: so many runs can be frozen mid-way for a heap measurement. An agent is
 * told apart by its name and system message, so each run's agents need distinct ones.
 */
final class GateModel implements AgentModel {
  private final InstantAgentModel instant = new InstantAgentModel();
  private final int openCalls;
  private final Map<String, Integer> calls = new HashMap<>();
  private final List<Runnable> held = new ArrayList<>();
  private boolean released;

  GateModel(int openCalls) {
    this.openCalls = openCalls;
  }

  @Override
  public synchronized CompletableFuture<AgentReply> reply(AgentRequest request) {
    String key = request.agent() + "@" + request.system().hashCode();
    int n = calls.merge(key, 1, Integer::sum);
    CompletableFuture<AgentReply> answer = instant.reply(request);
    if (released || n <= openCalls) {
      return answer;
    }
    CompletableFuture<AgentReply> later = new CompletableFuture<>();
    held.add(() -> later.complete(answer.join()));
    notifyAll();
    return later;
  }

  synchronized void awaitHeld(int count) throws InterruptedException {
    while (held.size() < count) {
      wait();
    }
  }

  synchronized void release() {
    released = true;
    held.forEach(Runnable::run);
    held.clear();
  }

  @Override
  public String describe() {
    return "gate";
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public void close() {
    release();
  }
}
