package dev.swarm.inference;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.swarm.api.RateLimitedException;
import dev.swarm.api.SwarmException;
import dev.swarm.api.inference.InferenceRequest;
import dev.swarm.api.inference.TokenUsage;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one model through its guards, in Resilience4j's usual order: retry around the circuit
 * breaker around the bulkhead around the time limiter. Resilience4j decides whether and how long
 * to wait between attempts; the wait itself goes through a {@link Sleeper} so tests never sleep.
 */
final class ProviderCaller {
  private static final Logger log = LoggerFactory.getLogger(ProviderCaller.class);

  /** A model's answer and what it cost. */
  record Answer(String content, TokenUsage usage, double costUsd) {}

  private final ModelProvider provider;
  private final ResilienceSettings settings;
  private final Retry retry;
  private final CircuitBreaker circuitBreaker;
  private final Bulkhead bulkhead;
  private final TimeLimiter timeLimiter;
  private final Executor executor;
  private final Sleeper sleeper;

  ProviderCaller(ModelProvider provider, ResilienceSettings settings, Executor executor, Clock clock, Sleeper sleeper) {
    this.provider = provider;
    this.settings = settings;
    this.executor = executor;
    this.sleeper = sleeper;
    String name = provider.tier().name().toLowerCase(java.util.Locale.ROOT) + ":" + provider.name();
    this.retry = Retry.of(name, RetryConfig.custom()
        .maxAttempts(settings.maxAttempts())
        .retryOnException(e -> e instanceof SwarmException swarm && swarm.isRetriable())
        .intervalBiFunction(backoff(settings))
        .failAfterMaxAttempts(false)
        .build());
    this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
        .failureRateThreshold(settings.failureRateThreshold())
        .slidingWindowSize(settings.slidingWindowSize())
        .minimumNumberOfCalls(settings.minimumCalls())
        .waitDurationInOpenState(settings.openStateWait())
        .clock(clock)
        .build());
    this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
        .maxConcurrentCalls(settings.maxConcurrentCalls())
        .maxWaitDuration(Duration.ZERO)
        .build());
    this.timeLimiter = TimeLimiter.of(name, TimeLimiterConfig.custom()
        .timeoutDuration(settings.callTimeout())
        .cancelRunningFuture(true)
        .build());
  }

  /** Exponential backoff, stretched to the server's Retry-After when it asks for longer, capped. */
  private static IntervalBiFunction<Object> backoff(ResilienceSettings settings) {
    return (attempt, outcome) -> {
      Duration wait = settings.backoff(attempt);
      if (outcome.isLeft() && outcome.getLeft() instanceof RateLimitedException limited
          && limited.retryAfter().isPresent() && limited.retryAfter().get().compareTo(wait) > 0) {
        wait = limited.retryAfter().get();
      }
      return Math.min(wait.toMillis(), settings.maxBackoff().toMillis());
    };
  }

  ModelProvider provider() {
    return provider;
  }

  CircuitBreaker.State circuitState() {
    return circuitBreaker.getState();
  }

  /**
   * Answers {@code request} with this model, retrying retriable failures.
   *
   * @throws SwarmException the last failure when no attempt succeeded
   */
  Answer call(InferenceRequest request) {
    ChatRequest chatRequest = chatRequest(request);
    Retry.AsyncContext<Object> attempts = retry.asyncContext();
    while (true) {
      SwarmException failure;
      try {
        Answer answer = attempt(chatRequest);
        attempts.onComplete();
        return answer;
      } catch (SwarmException e) {
        failure = e;
      }
      long waitMillis = attempts.onError(failure);
      if (waitMillis < 0) {
        throw failure;
      }
      log.debug("retrying {} in {} ms after: {}", provider.name(), waitMillis, failure.getMessage());
      try {
        sleeper.sleep(Duration.ofMillis(waitMillis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SwarmException.Retriable("interrupted while waiting to retry model " + provider.name(), e);
      }
    }
  }

  private Answer attempt(ChatRequest chatRequest) {
    if (!circuitBreaker.tryAcquirePermission()) {
      throw new SwarmException.Retriable("model " + provider.name() + " is unavailable: its circuit breaker is "
          + circuitBreaker.getState() + " after repeated failures");
    }
    long start = circuitBreaker.getCurrentTimestamp();
    if (!bulkhead.tryAcquirePermission()) {
      circuitBreaker.releasePermission();
      throw new SwarmException.Retriable("model " + provider.name() + " already has "
          + settings.maxConcurrentCalls() + " calls in flight (bulkhead full); raise maxConcurrentCalls or slow down");
    }
    try {
      ChatResponse response = timeLimiter.executeFutureSupplier(() -> {
        FutureTask<ChatResponse> task = new FutureTask<>(() -> provider.model().chat(chatRequest));
        executor.execute(task);
        return task;
      });
      Answer answer = answer(response, chatRequest);
      circuitBreaker.onSuccess(circuitBreaker.getCurrentTimestamp() - start, circuitBreaker.getTimestampUnit());
      return answer;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      SwarmException failure = Failures.classify(e, provider.name(), settings.callTimeout());
      circuitBreaker.onError(circuitBreaker.getCurrentTimestamp() - start, circuitBreaker.getTimestampUnit(), failure);
      throw failure;
    } finally {
      bulkhead.onComplete();
    }
  }

  private Answer answer(ChatResponse response, ChatRequest request) {
    if (response == null || response.aiMessage() == null || response.aiMessage().text() == null
        || response.aiMessage().text().isBlank()) {
      throw new SwarmException.Permanent("model " + provider.name() + " returned no answer (no choices or empty content)");
    }
    String content = response.aiMessage().text();
    TokenUsage usage = usage(response, request, content);
    return new Answer(content, usage, provider.prices().costOf(usage));
  }

  private static TokenUsage usage(ChatResponse response, ChatRequest request, String content) {
    dev.langchain4j.model.output.TokenUsage reported = response.tokenUsage();
    Integer in = reported == null ? null : reported.inputTokenCount();
    Integer out = reported == null ? null : reported.outputTokenCount();
    // Servers that omit usage (some local ones) are charged on an estimate of four characters a token.
    long inputTokens = in != null ? in : Math.max(1, request.messages().toString().length() / 4);
    long outputTokens = out != null ? out : Math.max(1, content.length() / 4);
    return new TokenUsage(inputTokens, outputTokens);
  }

  private static ChatRequest chatRequest(InferenceRequest request) {
    List<ChatMessage> messages = new ArrayList<>(2);
    if (request.systemPrompt() != null) {
      messages.add(SystemMessage.from(request.systemPrompt()));
    }
    messages.add(UserMessage.from(request.prompt()));
    return ChatRequest.builder()
        .messages(messages)
        .maxOutputTokens(request.maxTokens())
        .temperature(request.temperature())
        .build();
  }
}
