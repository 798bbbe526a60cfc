package dev.swarm.a2a.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarm.api.SwarmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** The SSE reader fed line by line, as the HTTP client delivers a body. */
class SseSubscriberTest {
  private final List<JsonNode> results = new ArrayList<>();
  private final List<RuntimeException> errors = new ArrayList<>();
  private int ends;
  private boolean canceled;

  private final SseSubscriber sse = new SseSubscriber("SendStreamingMessage", "peer", new Transport.StreamObserver() {
    @Override
    public void onResult(JsonNode result) {
      results.add(result);
    }

    @Override
    public void onEnd() {
      ends++;
    }

    @Override
    public void onError(RuntimeException error) {
      errors.add(error);
    }
  });

  private void feed(String... lines) {
    sse.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {}

      @Override
      public void cancel() {
        canceled = true;
      }
    });
    for (String line : lines) {
      sse.onNext(line);
    }
  }

  @Test
  void onNext_commentsIdsAndMultiLineData_deliverOneResultPerEvent() {
    feed(": keepalive", "id: 1", "data: {\"jsonrpc\":\"2.0\",\"id\":1,", "data: \"result\":{\"n\":1}}", "",
        "retry: 10", "data:{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"n\":2}}", "");
    sse.onComplete();

    assertThat(results).extracting(r -> r.path("n").asInt()).containsExactly(1, 2);
    assertThat(ends).isEqualTo(1);
    assertThat(errors).isEmpty();
  }

  @Test
  void onNext_namedErrorEvent_endsWithTypedFailureAndCancels() {
    feed("event: error", "data: {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32001,\"message\":\"gone\"}}", "");

    assertThat(errors).singleElement().isInstanceOfSatisfying(A2aPermanentException.class,
        e -> assertThat(e.error()).isEqualTo(A2aError.TASK_NOT_FOUND));
    assertThat(canceled).isTrue();
  }

  @Test
  void onNext_unnamedEventCarryingError_isAFailureToo() {
    feed("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"boom\"}}", "");

    assertThat(errors).singleElement().isInstanceOfSatisfying(A2aRetriableException.class,
        e -> assertThat(e.error()).isEqualTo(A2aError.INTERNAL));
  }

  @Test
  void onNext_unknownCodeWithKnownReason_mapsByReason() {
    feed("data: {\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32099,\"message\":\"x\",\"data\":"
        + "[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"VERSION_NOT_SUPPORTED\"}]}}", "");

    assertThat(errors).singleElement().isInstanceOfSatisfying(A2aPermanentException.class, e -> {
      assertThat(e.error()).isEqualTo(A2aError.VERSION_NOT_SUPPORTED);
      assertThat(e.code()).isEqualTo(-32099);
    });
  }

  @Test
  void onNext_invalidJson_failsPermanentlyQuotingIt() {
    feed("data: {not json", "");

    assertThat(errors).singleElement().isInstanceOf(SwarmException.Permanent.class)
        .satisfies(e -> assertThat(e.getMessage()).contains("invalid JSON").contains("{not json"));
  }

  @Test
  void onNext_eventOverTheCap_failsAndStopsReading() {
    String big = "x".repeat(SseSubscriber.MAX_EVENT_CHARS + 1);
    feed("data: " + big);

    assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("SSE event over"));
    assertThat(canceled).isTrue();
  }

  @Test
  void onError_connectionBroken_isRetriable() {
    feed();
    sse.onError(new java.io.IOException("connection reset"));

    assertThat(errors).singleElement().isInstanceOf(SwarmException.Retriable.class);
  }
}
