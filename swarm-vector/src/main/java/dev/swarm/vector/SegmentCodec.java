package dev.swarm.vector;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Carries a langchain4j {@link TextSegment} in an index's string metadata, keeping each value's
 * type, so a saved store loads back with the same {@code Integer}s, {@code UUID}s and
 * {@code Double}s its filters compare against.
 */
final class SegmentCodec {
  private static final String TEXT_KEY = "t";
  private static final String METADATA_PREFIX = "m.";

  private SegmentCodec() {}

  static Map<String, String> encode(@Nullable TextSegment segment) {
    if (segment == null) {
      return Map.of();
    }
    Map<String, String> encoded = new HashMap<>();
    encoded.put(TEXT_KEY, segment.text());
    segment.metadata().toMap().forEach((key, value) -> encoded.put(METADATA_PREFIX + key, tag(value)));
    return encoded;
  }

  static @Nullable TextSegment decode(Map<String, String> encoded) {
    String text = encoded.get(TEXT_KEY);
    if (text == null) {
      return null;
    }
    Map<String, Object> metadata = new HashMap<>();
    encoded.forEach((key, value) -> {
      if (key.startsWith(METADATA_PREFIX)) {
        metadata.put(key.substring(METADATA_PREFIX.length()), untag(key, value));
      }
    });
    return TextSegment.from(text, Metadata.from(metadata));
  }

  private static String tag(Object value) {
    return switch (value) {
      case String s -> "s:" + s;
      case Integer i -> "i:" + i;
      case Long l -> "l:" + l;
      case Float f -> "f:" + f;
      case Double d -> "d:" + d;
      case UUID u -> "u:" + u;
      default -> throw new IllegalArgumentException(
          "metadata value of type " + value.getClass().getName() + " cannot be stored: " + value);
    };
  }

  private static Object untag(String key, String tagged) {
    String value = tagged.substring(2);
    return switch (tagged.substring(0, 2)) {
      case "s:" -> value;
      case "i:" -> Integer.valueOf(value);
      case "l:" -> Long.valueOf(value);
      case "f:" -> Float.valueOf(value);
      case "d:" -> Double.valueOf(value);
      case "u:" -> UUID.fromString(value);
      default -> throw new IllegalArgumentException("metadata " + key + " has an unknown type tag: " + tagged);
    };
  }
}
