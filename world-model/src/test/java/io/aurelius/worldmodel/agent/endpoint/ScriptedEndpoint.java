package io.aurelius.worldmodel.agent.endpoint;

import io.aurelius.worldmodel.agent.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An endpoint that plays a script: each call takes the next step (a text or a failure). */
final class ScriptedEndpoint implements ChatEndpoint {
  private final String name;
  private final Deque<Object> script = new ArrayDeque<>();
  final List<ChatCall> calls = new ArrayList<>();
  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  private boolean reportUsage = true;
  private long holdMillis;

  ScriptedEndpoint(String name) {
    this.name = name;
  }

  ScriptedEndpoint then(String text) {
    script.add(text);
    return this;
  }

  ScriptedEndpoint then(EndpointFailure.Kind kind) {
    script.add(kind);
    return this;
  }

  ScriptedEndpoint withoutUsage() {
    reportUsage = false;
    return this;
  }

  ScriptedEndpoint holding(long millis) {
    holdMillis = millis;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String model() {
    return "gpt-4o-mini";
  }

  @Override
  public Completion complete(ChatCall call) throws EndpointFailure {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try {
      if (holdMillis > 0) {
        Thread.sleep(holdMillis);
      }
      Object step;
      synchronized (this) {
        calls.add(call);
        step = script.size() > 1 ? script.poll() : script.peek();
      }
      if (step instanceof EndpointFailure.Kind kind) {
        throw new EndpointFailure(kind, "scripted " + kind);
      }
      String text = (String) step;
      return new Completion(
          text,
          reportUsage
              ? Optional.of(new TokenUsage(100, 20, TokenUsage.Source.REPORTED))
              : Optional.empty(),
          "gpt-4o-mini",
          false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EndpointFailure(EndpointFailure.Kind.TIMEOUT, "interrupted");
    } finally {
      inFlight.decrementAndGet();
    }
  }
}
