package dev.swarm.examples.demo;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.swarm.api.Checks;
import dev.swarm.api.inference.ModelTier;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An offline stand-in for a hosted model: deterministic answers, latency and token counts drawn
 * from the prompt, so the demo runs with no API key and reports the same figures every run.
 *
 * <p>Its name always starts with {@code demo-}, and reports label it as a demo model. Latency is
 * real (the calling thread sleeps) but scaled by {@code timeScale}, so a demo with a scale of 0.05
 * finishes twenty times faster while keeping the small/large ratio.
 */
public final class DemoChatModel implements ChatModel {
  /** How the model answers a prompt; must be deterministic and thread-safe. */
  @FunctionalInterface
  public interface Responder {
    /** The answer to {@code userText} under {@code systemText} (empty when there is none). */
    String answer(String systemText, String userText);
  }

  private final ModelTier tier;
  private final String name;
  private final Duration minLatency;
  private final Duration maxLatency;
  private final double timeScale;
  private final int failurePercent;
  private final Responder responder;
  private final AtomicLong calls = new AtomicLong();

  private DemoChatModel(
      ModelTier tier, String name, Duration minLatency, Duration maxLatency, double timeScale,
      int failurePercent, Responder responder) {
    this.tier = Checks.notNull(tier, "tier");
    this.name = Checks.notBlank(name, "name");
    this.minLatency = Checks.notNull(minLatency, "minLatency");
    this.maxLatency = Checks.notNull(maxLatency, "maxLatency");
    if (maxLatency.compareTo(minLatency) < 0) {
      throw new IllegalArgumentException("maxLatency must be >= minLatency but was " + maxLatency + " < " + minLatency);
    }
    this.timeScale = Checks.inRange(timeScale, 0, 100, "timeScale");
    if (failurePercent < 0 || failurePercent > 100) {
      throw new IllegalArgumentException("failurePercent must be in [0, 100] but was " + failurePercent);
    }
    this.failurePercent = failurePercent;
    this.responder = Checks.notNull(responder, "responder");
  }

  /** The small tier: 50–100 ms a call, failing {@code failurePercent}% of prompts with a 503. */
  public static DemoChatModel small(double timeScale, int failurePercent, Responder responder) {
    return new DemoChatModel(ModelTier.SMALL, "demo-small", Duration.ofMillis(50), Duration.ofMillis(100),
        timeScale, failurePercent, responder);
  }

  /** The large tier: 500–2000 ms a call, never failing. */
  public static DemoChatModel large(double timeScale, Responder responder) {
    return new DemoChatModel(ModelTier.LARGE, "demo-large", Duration.ofMillis(500), Duration.ofMillis(2000),
        timeScale, 0, responder);
  }

  /** The tier this model plays. */
  public ModelTier tier() {
    return tier;
  }

  /** The model's name, always starting with {@code demo-}. */
  public String name() {
    return name;
  }

  /** How many calls reached this model, failed ones included. */
  public long calls() {
    return calls.get();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    calls.incrementAndGet();
    String system = "";
    StringBuilder user = new StringBuilder();
    for (ChatMessage message : request.messages()) {
      if (message instanceof SystemMessage s) {
        system = s.text();
      } else if (message instanceof UserMessage u && u.hasSingleText()) {
        if (!user.isEmpty()) {
          user.append('\n');
        }
        user.append(u.singleText());
      }
    }
    String prompt = user.toString();
    int hash = stableHash(system + '\u0000' + prompt);
    simulateLatency(hash);
    if (Math.floorMod(hash >>> 7, 100) < failurePercent) {
      throw new InternalServerException(name + ": injected 503 Service Unavailable (demo fault)");
    }
    String answer = responder.answer(system, prompt);
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(answer))
        .modelName(name)
        .tokenUsage(new TokenUsage(tokens(system) + tokens(prompt), tokens(answer)))
        .finishReason(FinishReason.STOP)
        .build();
  }

  private void simulateLatency(int hash) {
    long span = maxLatency.toMillis() - minLatency.toMillis();
    long millis = minLatency.toMillis() + (span == 0 ? 0 : Math.floorMod(hash, span + 1));
    long scaledNanos = (long) (millis * 1_000_000L * timeScale);
    if (scaledNanos <= 0) {
      return;
    }
    try {
      Thread.sleep(Duration.ofNanos(scaledNanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.langchain4j.exception.TimeoutException(name + ": interrupted while answering");
    }
  }

  /** About four characters a token, as English text runs on common tokenizers. */
  static int tokens(String text) {
    return Math.max(1, (text.length() + 3) / 4);
  }

  /** FNV-1a: mixes better than String.hashCode, so near-identical prompts spread over the latency range. */
  static int stableHash(String text) {
    int h = 0x811c9dc5;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x01000193;
    }
    return h;
  }
}
