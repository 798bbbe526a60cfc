package dev.swarm.inference;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A deterministic stand-in for a hosted model: answers from a script of steps (an answer or a
 * failure), then repeats its default answer. Counts every call.
 */
final class ScriptedChatModel implements ChatModel {
  private final String name;
  private final Deque<Supplier<ChatResponse>> script = new ArrayDeque<>();
  private final AtomicInteger calls = new AtomicInteger();

  ScriptedChatModel(String name) {
    this.name = name;
  }

  static ChatResponse response(String text, int in, int out) {
    return ChatResponse.builder().aiMessage(AiMessage.from(text)).tokenUsage(new TokenUsage(in, out)).build();
  }

  ScriptedChatModel thenAnswer(String text) {
    script.add(() -> response(text, 10, 5));
    return this;
  }

  ScriptedChatModel thenFail(RuntimeException failure) {
    script.add(() -> {
      throw failure;
    });
    return this;
  }

  int calls() {
    return calls.get();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    calls.incrementAndGet();
    Supplier<ChatResponse> step;
    synchronized (script) {
      step = script.poll();
    }
    return step != null ? step.get() : response(name + " answers: " + request.messages().size() + " message(s)", 10, 5);
  }
}
