package dev.swarm.a2a.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarm.api.SwarmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every JSON-RPC and A2A code maps to its typed error, on the side of retrying that it deserves. */
class A2aErrorTest {
  @ParameterizedTest
  @CsvSource({
    "-32700, JSON_PARSE, false",
    "-32600, INVALID_REQUEST, false",
    "-32601, METHOD_NOT_FOUND, false",
    "-32602, INVALID_PARAMS, false",
    "-32603, INTERNAL, true",
    "-32001, TASK_NOT_FOUND, false",
    "-32002, TASK_NOT_CANCELABLE, false",
    "-32003, PUSH_NOTIFICATION_NOT_SUPPORTED, false",
    "-32004, UNSUPPORTED_OPERATION, false",
    "-32005, CONTENT_TYPE_NOT_SUPPORTED, false",
    "-32006, INVALID_AGENT_RESPONSE, true",
    "-32007, EXTENDED_AGENT_CARD_NOT_CONFIGURED, false",
    "-32008, EXTENSION_SUPPORT_REQUIRED, false",
    "-32009, VERSION_NOT_SUPPORTED, false",
    "-31999, UNKNOWN, false",
  })
  void of_code_buildsTheTypedFailureOnTheRightSide(int code, A2aError expected, boolean retriable) {
    assertThat(A2aError.fromCode(code)).isEqualTo(expected);

    SwarmException failure = A2aFailure.of(expected, code, "peer said no");

    assertThat(failure.isRetriable()).isEqualTo(retriable);
    assertThat(failure).isInstanceOf(retriable ? A2aRetriableException.class : A2aPermanentException.class);
    assertThat(((A2aFailure) failure).code()).isEqualTo(code);
    assertThat(failure).hasMessage("peer said no");
  }

  @Test
  void constructor_mismatchedSide_rejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new A2aRetriableException(A2aError.TASK_NOT_FOUND, -32001, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error must be retriable but was TASK_NOT_FOUND");
  }
}
