package dev.swarm.api.inference;

import dev.swarm.api.Checks;
import java.util.Objects;

/**
 * What a cached answer is filed under. Answers are only shared between requests in the same
 * namespace with the same scope, so a different system prompt, model hint or sampling setting
 * never reuses an answer it would not have produced.
 *
 * @param namespace the request's namespace
 * @param scope everything but the prompt that shapes the answer (settings and system prompt)
 * @param prompt the user prompt
 */
public record CacheKey(String namespace, String scope, String prompt) {
  /** Validates. */
  public CacheKey {
    Checks.notBlank(namespace, "namespace");
    Checks.notNull(scope, "scope");
    Checks.notBlank(prompt, "prompt");
  }

  /** The key for {@code request}: its namespace, a fingerprint of its settings, and its prompt. */
  public static CacheKey of(InferenceRequest request) {
    // The system prompt goes in whole: a hash would let two agents' instructions collide.
    // Plain concatenation, not String.format: this runs on every model call.
    String system = Objects.requireNonNullElse(request.systemPrompt(), "");
    String scope =
        new StringBuilder(24 + system.length())
            .append(request.hint())
            .append('|')
            .append(request.maxTokens())
            .append('|')
            .append(request.temperature())
            .append('|')
            .append(system)
            .toString();
    return new CacheKey(request.namespace(), scope, request.prompt());
  }
}
