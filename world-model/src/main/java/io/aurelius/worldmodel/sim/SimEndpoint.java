package io.aurelius.worldmodel.sim;

import io.aurelius.worldmodel.agent.TokenUsage;
import io.aurelius.worldmodel.agent.endpoint.ChatCall;
import io.aurelius.worldmodel.agent.endpoint.ChatEndpoint;
import io.aurelius.worldmodel.agent.endpoint.Completion;
import io.aurelius.worldmodel.agent.tokens.TokenCounter;
import java.util.Optional;

/** The sim model in process, as an endpoint: no network, no faults, usage counted with cl100k. */
public final class SimEndpoint implements ChatEndpoint {
  private static final TokenCounter COUNTER = TokenCounter.forModel(SimModel.NAME);

  @Override
  public String name() {
    return SimModel.NAME;
  }

  @Override
  public String model() {
    return SimModel.NAME;
  }

  @Override
  public boolean sim() {
    return true;
  }

  @Override
  public Completion complete(ChatCall call) {
    String text =
        SimModel.answer(
            call.messages(), Optional.of(call.schema()), call.wireSeed(), call.persona());
    TokenUsage usage =
        new TokenUsage(
            COUNTER.countPrompt(call.messages()), COUNTER.count(text), TokenUsage.Source.REPORTED);
    return new Completion(text, Optional.of(usage), SimModel.NAME, true);
  }
}
