package io.aurelius.worldmodel.agent.langchain4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A LangChain4j {@link ChatModel} that plays back scripted responses or throws scripted exceptions,
 * recording every request (after LangChain4j's {@code ChatMock} idea).
 */
final class FakeChatModel implements ChatModel {
  private final Deque<Object> script = new ArrayDeque<>();
  final List<ChatRequest> requests = new ArrayList<>();

  FakeChatModel then(ChatResponse response) {
    script.add(response);
    return this;
  }

  FakeChatModel then(RuntimeException failure) {
    script.add(failure);
    return this;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    Object step = script.poll();
    if (step instanceof RuntimeException e) {
      throw e;
    }
    if (step == null) {
      throw new IllegalStateException("script exhausted");
    }
    return (ChatResponse) step;
  }
}
