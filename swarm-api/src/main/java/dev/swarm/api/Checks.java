package dev.swarm.api;

import java.util.Objects;

/**
 * Argument checks shared by the records of this module, so every rejection names the field and
 * echoes the value the same way.
 */
public final class Checks {
  private Checks() {}

  /** Returns {@code value} if it is not null, else throws an NPE naming {@code field}. */
  public static <T> T notNull(T value, String field) {
    return Objects.requireNonNull(value, () -> field + " must not be null");
  }

  /** Returns {@code value} if it is neither null nor blank. */
  public static String notBlank(String value, String field) {
    notNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /** Returns {@code value} if it lies in {@code [min, max]}; NaN is rejected. */
  public static double inRange(double value, double min, double max, String field) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          field + " must be in [" + min + ", " + max + "] but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is zero or more. */
  public static double notNegative(double value, String field) {
    if (!(value >= 0)) {
      throw new IllegalArgumentException(field + " must be >= 0 but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is zero or more. */
  public static long notNegative(long value, String field) {
    if (value < 0) {
      throw new IllegalArgumentException(field + " must be >= 0 but was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is one or more. */
  public static int positive(int value, String field) {
    if (value < 1) {
      throw new IllegalArgumentException(field + " must be > 0 but was " + value);
    }
    return value;
  }
}
