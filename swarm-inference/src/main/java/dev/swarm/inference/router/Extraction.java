package dev.swarm.inference.router;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The features of one prompt and the working memory that produced them, pooled so scoring a
 * prompt allocates next to nothing. Read {@link #dense}, {@link #termCount} and either the first
 * {@code termCount} entries of {@link #terms} ({@link PromptFeatures#extract}) or
 * {@link #termWeightSum} ({@link PromptFeatures#extractForScoring}), then {@link #close()} it;
 * nothing may be read after that.
 *
 * <p>The pool is a small array of slots picked by thread id rather than a ThreadLocal, because
 * inference runs on virtual threads, which would each build (and drop) their own buffers.
 */
final class Extraction implements AutoCloseable {
  /** Longer prompts take the per-character path, so pooled buffers stay small. */
  static final int MAX_ASCII_PATH = 1 << 16;

  private static final int INITIAL_CHARS = 4096;
  private static final int SLOTS = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4);
  private static final AtomicReferenceArray<Extraction> POOL = new AtomicReferenceArray<>(SLOTS);

  final double[] dense = new double[PromptFeatures.DENSE];
  /** The terms, filled by {@link PromptFeatures#extract}; scoring weighs them without keeping them. */
  int[] terms = new int[INITIAL_CHARS + 2];
  int termCount;
  /** The sum of the terms' weights, filled by {@link PromptFeatures#extractForScoring}. */
  double termWeightSum;

  int words;
  int wordChars;
  int digits;
  int sentences;
  int questions;
  int newlines;
  int codeSymbols;
  int quotes;
  int enumerations;
  /** Per cue family, plus a last slot that catches a term whose hash equals an empty table slot's 0. */
  final int[] cueCounts = new int[PromptFeatures.CUE_FAMILIES + 1];

  /** The ASCII text, zeroed after it to {@link ByteBlocks#paddedLength}. */
  byte[] bytes;
  /** Per 64-byte block of {@link #bytes}: {@link ByteBlocks}' word and mark bitmasks. */
  long[] wordMasks;
  long[] markMasks;
  private char[] chars;
  private CharBuffer charView;
  private ByteBuffer byteView;
  private final CharsetEncoder ascii = StandardCharsets.US_ASCII.newEncoder();

  private Extraction() {
    allocate(INITIAL_CHARS);
  }

  static Extraction acquire() {
    Extraction pooled = POOL.getAndSet(slot(), null);
    return pooled != null ? pooled : new Extraction();
  }

  /** Returns this to the pool; buffers grown for an unusually long prompt are dropped first. */
  @Override
  public void close() {
    if (chars.length > INITIAL_CHARS || terms.length > INITIAL_CHARS + 2) {
      allocate(INITIAL_CHARS);
      terms = new int[INITIAL_CHARS + 2];
    }
    // A release store publishes everything written before it to the getAndSet that takes this
    // next; a volatile store would add a full fence to every scoring call for nothing.
    POOL.setRelease(slot(), this);
  }

  /** The terms' indices into a weight table of {@code mask + 1} entries, as a new array. */
  int[] termIndices(int mask) {
    int[] indices = new int[termCount];
    for (int i = 0; i < termCount; i++) {
      indices[i] = terms[i] & mask;
    }
    return indices;
  }

  void clearCounts() {
    termCount = 0;
    termWeightSum = 0;
    words = 0;
    wordChars = 0;
    digits = 0;
    sentences = 0;
    questions = 0;
    newlines = 0;
    codeSymbols = 0;
    quotes = 0;
    enumerations = 0;
    Arrays.fill(cueCounts, 0);
  }

  /**
   * Copies {@code text} into {@link #bytes} when it is pure ASCII, followed by zeroed padding the
   * block and eight-byte loads may read; the JDK's intrinsic copy and encoder make this a few
   * nanoseconds per hundred characters.
   *
   * @return false, with the buffer in an unspecified state, when {@code text} is not ASCII
   */
  boolean loadAscii(String text) {
    int length = text.length();
    if (length > chars.length) {
      allocate(Math.max(length, 2 * chars.length));
    }
    text.getChars(0, length, chars, 0);
    charView.clear().limit(length);
    byteView.clear();
    ascii.reset();
    if (!ascii.encode(charView, byteView, true).isUnderflow()) {
      return false;
    }
    Arrays.fill(bytes, length, ByteBlocks.paddedLength(length), (byte) 0);
    return true;
  }

  /** A prompt of n characters has at most n / 2 + 1 words and so fewer than n + 2 terms. */
  void ensureTermCapacity(int capacity) {
    if (terms.length < capacity) {
      terms = new int[capacity];
    }
  }

  private void allocate(int capacity) {
    chars = new char[capacity];
    bytes = new byte[ByteBlocks.paddedLength(capacity)];
    wordMasks = new long[ByteBlocks.blocks(capacity) + 1];
    markMasks = new long[wordMasks.length];
    charView = CharBuffer.wrap(chars);
    byteView = ByteBuffer.wrap(bytes);
  }

  private static int slot() {
    return (int) Thread.currentThread().threadId() & (SLOTS - 1);
  }
}
