package dev.swarm.inference.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Turns a prompt into the router's features: hashed word and word-pair terms, and a short vector
 * of lexical and structural counts.
 *
 * <p>The dense features carry what generalises to prompts the model never saw (length, cue
 * families, code and JSON shape, multi-part asks); the hashed terms carry vocabulary a user's own
 * traffic teaches. The term hash is fixed because saved models depend on it: changing it requires
 * a new {@link RouterModel#VERSION}.
 *
 * <p>Scoring sits on every inference call, so ASCII text (nearly every prompt) takes a word-at-a-
 * time path: eight bytes are classified per step with SWAR arithmetic and each word is hashed
 * from whole 64-bit loads, so no per-character branch or hash step remains. Any other text takes
 * the per-character path, which defines the same features for every input; the two paths agree
 * exactly on ASCII, and a test holds them to it.
 */
final class PromptFeatures {
  /** Names of the dense features, in vector order; written to the model file to detect drift. */
  static final String[] DENSE_NAMES = {
    "log_chars", "log_words", "log_sentences", "questions", "avg_word_length", "digit_share",
    "log_newlines", "log_code_symbols", "log_quotes", "log_enumerations",
    "cue_reasoning", "cue_planning", "cue_constraint", "cue_code", "cue_structured_data",
    "cue_math", "cue_creative", "cue_routine", "cue_multi_part", "cue_comparison", "cue_long_form"
  };

  static final int DENSE = DENSE_NAMES.length;

  private static final int FIRST_CUE = 10;

  // Character classes. LETTER and DIGIT come first and DIGIT is 1, so the per-character loop tests
  // a word character with one compare and counts its digits by adding the class.
  private static final int LETTER = 0;
  private static final int DIGIT = 1;
  private static final int OTHER = 2;
  private static final int SPACE = 3;
  private static final int QUESTION = 4;
  private static final int SENTENCE_END = 5;
  private static final int NEWLINE = 6;
  private static final int CODE = 7;
  private static final int QUOTE = 8;
  private static final int BULLET = 9;

  private static final int ASCII = 128;
  private static final byte[] ASCII_KIND = new byte[ASCII];
  private static final boolean[] ASCII_WHITESPACE = new boolean[ASCII];

  // Cue words and word pairs by family; matched by hash so scoring never builds a String.
  private static final String[][] CUES = {
    {"why", "explain", "prove", "proof", "derive", "reason", "reasoning", "analyze", "analyse",
      "analysis", "justify", "evaluate", "critique", "assess", "implications", "infer", "deduce",
      "hypothesis", "argue", "argument", "nuanced", "rigorous", "step by", "by step", "root cause",
      "consequences", "counterargument", "diagnose", "investigate", "ethical", "paradox"},
    {"plan", "planning", "strategy", "strategic", "design", "architecture", "architect", "roadmap",
      "migrate", "migration", "phased", "prioritize", "prioritise", "propose", "framework",
      "go to", "to market", "scale", "scaling", "rollout", "long term", "budget", "risks",
      "mitigation", "stakeholders", "timeline", "milestones", "restructure", "expansion"},
    {"must", "exactly", "without", "only", "ensure", "constraint", "constraints", "at least",
      "at most", "no more", "more than", "less than", "under", "within", "limit", "strictly",
      "never", "always", "require", "requirements", "guarantee", "while keeping", "edge cases"},
    {"code", "function", "implement", "class", "algorithm", "python", "java", "javascript",
      "typescript", "sql", "regex", "script", "bug", "debug", "refactor", "api", "concurrency",
      "thread", "compile", "complexity", "recursion", "rust", "golang", "query", "endpoint",
      "database", "unit tests", "data structure", "lock free", "distributed", "cache", "kernel"},
    {"json", "schema", "field", "fields", "key", "keys", "extract", "yaml", "csv", "xml", "table",
      "columns", "parse", "format", "structured", "object", "array", "markdown"},
    {"calculate", "compute", "solve", "equation", "probability", "integral", "derivative",
      "percent", "percentage", "how many", "how much", "total", "average", "rate", "interest",
      "expected value", "ratio", "minimum", "maximum", "optimal", "theorem", "statistics"},
    {"story", "poem", "haiku", "novel", "character", "characters", "narrative", "fiction",
      "dialogue", "screenplay", "lyrics", "limerick", "sonnet", "plot", "scene", "villain",
      "metaphor", "voice", "twist", "chapter"},
    {"translate", "convert", "uppercase", "lowercase", "list", "name", "capital", "define",
      "spell", "reformat", "classify", "label", "sentiment", "rewrite", "correct", "typo",
      "synonym", "antonym", "sort", "alphabetical", "count", "what is", "who is", "when did",
      "fix the", "tag", "yes or", "or no", "one word", "title case"},
    {"then", "also", "additionally", "finally", "next", "each", "every", "both", "first",
      "second", "third", "and then", "as well", "in addition", "afterwards", "for each"},
    {"compare", "comparison", "versus", "vs", "contrast", "tradeoff", "tradeoffs", "trade off",
      "pros", "cons", "better", "worse", "alternatives", "weigh", "advantages", "disadvantages"},
    {"essay", "detailed", "comprehensive", "thorough", "report", "whitepaper", "in depth",
      "paragraphs", "pages", "words", "memo", "proposal", "chapter", "briefing", "curriculum"}
  };

  /** The cue-count slot a term that is no cue is counted in, so the lookup needs no branch. */
  static final int NO_CUE = CUES.length;

  /** StrictMath.log1p(n) for counts n up to a 2 KB prompt's length; entry 0 stays 0. */
  private static final double[] LOG1P_TABLE = new double[2049];

  // Cues sit in a collision-free table: a salt is searched at class load so every cue owns the
  // slot its hash picks, and a lookup is one load, one compare and a conditional move.
  private static final int CUE_TABLE_BITS = 13;
  private static final int[] CUE_HASHES = new int[1 << CUE_TABLE_BITS];
  private static final byte[] CUE_FAMILY = new byte[1 << CUE_TABLE_BITS];
  private static final int CUE_SALT;

  // Word hashing: each 8-character chunk of the lower-cased word, one byte per character, is
  // folded in with a multiply; the last chunk goes straight into the murmur3 finaliser.
  private static final long CHUNK_MULTIPLIER = 0x9E3779B97F4A7C15L;
  private static final int PAIR_SALT = 0x5BD1E995;

  // SWAR constants over the eight bytes of a long.
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long TO_LOWER = 0x2020202020202020L;
  private static final long[] TAIL_MASK = new long[9];

  static {
    for (int n = 1; n < LOG1P_TABLE.length; n++) {
      LOG1P_TABLE[n] = StrictMath.log1p(n);
    }
    for (char c = 0; c < ASCII; c++) {
      ASCII_KIND[c] = (byte) (Character.isDigit(c) ? DIGIT : Character.isLetter(c) ? LETTER : OTHER);
      ASCII_WHITESPACE[c] = Character.isWhitespace(c);
    }
    for (char c : " \t\r".toCharArray()) {
      ASCII_KIND[c] = SPACE;
    }
    ASCII_KIND['?'] = QUESTION;
    ASCII_KIND['.'] = SENTENCE_END;
    ASCII_KIND['!'] = SENTENCE_END;
    ASCII_KIND['\n'] = NEWLINE;
    for (char c : "{}();=<>[]_".toCharArray()) {
      ASCII_KIND[c] = CODE;
    }
    ASCII_KIND['"'] = QUOTE;
    ASCII_KIND['`'] = QUOTE;
    ASCII_KIND['-'] = BULLET;
    ASCII_KIND['*'] = BULLET;
    for (int bytes = 1; bytes < 8; bytes++) {
      TAIL_MASK[bytes] = (1L << (8 * bytes)) - 1;
    }
    TAIL_MASK[8] = -1L;
    CUE_SALT = placeCues();
  }

  private PromptFeatures() {}

  /**
   * Extracts the features of {@code text} into a pooled {@link Extraction}; close it once its
   * dense vector and terms have been read.
   */
  static Extraction extract(String text) {
    Extraction x = Extraction.acquire();
    try {
      x.clearCounts();
      int length = text.length();
      if (length <= Extraction.MAX_ASCII_PATH && x.loadAscii(text)) {
        scanAscii(x, length);
      } else {
        scanChars(x, text);
      }
      finishDense(x, length);
      return x;
    } catch (RuntimeException | Error e) {
      x.close();
      throw e;
    }
  }

  /** Extracts with the per-character path whatever the text; the reference the ASCII path matches. */
  static Extraction extractPerCharacter(String text) {
    Extraction x = Extraction.acquire();
    x.clearCounts();
    scanChars(x, text);
    finishDense(x, text.length());
    return x;
  }

  // ------------------------------------------------------------------ the ASCII path

  /**
   * Classifies eight bytes per step: word bytes (ASCII letters and digits), digits, and the few
   * "marks" (punctuation the dense features count) become bit masks; word starts and ends are
   * the mask's edges, written out without branches (eight bytes hold at most four of each).
   */
  private static void scanAscii(Extraction x, int length) {
    byte[] bytes = x.bytes;
    int[] starts = x.wordStarts;
    int[] ends = x.wordEnds;
    int[] marks = x.marks;
    int words = 0;
    int wordEnds = 0;
    int markCount = 0;
    int wordChars = 0;
    int digits = 0;
    int carry = 0;
    // One step past the last byte when length is a multiple of 8, so a final word's end (the
    // zero padding after it) is seen inside the loop.
    for (int base = 0; base <= length; base += 8) {
      long v = (long) LONG_LE.get(bytes, base);
      long digitHighs = inRange(v, '0', '9');
      long wordHighs = inRange(v | TO_LOWER, 'a', 'z') | digitHighs;
      long blankHighs = zeroBytes(v ^ ' ' * ONES) | zeroBytes(v ^ '\t' * ONES)
          | zeroBytes(v ^ '\r' * ONES) | zeroBytes(v ^ ',' * ONES);
      int valid = length - base >= 8 ? 0xFF : (1 << (length - base)) - 1;
      int word = gather(wordHighs) & valid;
      int marked = ~(word | gather(blankHighs)) & valid;
      wordChars += Integer.bitCount(word);
      digits += Integer.bitCount(gather(digitHighs) & valid);

      int before = word << 1 | carry;
      int startBits = word & ~before;
      int endBits = ~word & before & 0xFF;
      carry = word >>> 7;
      starts[words] = base + Integer.numberOfTrailingZeros(startBits);
      startBits &= startBits - 1;
      starts[words + 1] = base + Integer.numberOfTrailingZeros(startBits);
      startBits &= startBits - 1;
      starts[words + 2] = base + Integer.numberOfTrailingZeros(startBits);
      startBits &= startBits - 1;
      starts[words + 3] = base + Integer.numberOfTrailingZeros(startBits);
      words += Integer.bitCount(word & ~before);
      ends[wordEnds] = base + Integer.numberOfTrailingZeros(endBits);
      endBits &= endBits - 1;
      ends[wordEnds + 1] = base + Integer.numberOfTrailingZeros(endBits);
      endBits &= endBits - 1;
      ends[wordEnds + 2] = base + Integer.numberOfTrailingZeros(endBits);
      endBits &= endBits - 1;
      ends[wordEnds + 3] = base + Integer.numberOfTrailingZeros(endBits);
      wordEnds += Integer.bitCount(~word & before & 0xFF);
      // Marks are rare: two are written unconditionally, a loop takes any more.
      int markTotal = Integer.bitCount(marked);
      marks[markCount] = base + Integer.numberOfTrailingZeros(marked);
      marked &= marked - 1;
      marks[markCount + 1] = base + Integer.numberOfTrailingZeros(marked);
      marked &= marked - 1;
      for (int m = markCount + 2; marked != 0; m++) {
        marks[m] = base + Integer.numberOfTrailingZeros(marked);
        marked &= marked - 1;
      }
      markCount += markTotal;
    }

    int terms = 0;
    int previous = 0;
    for (int w = 0; w < words; w++) {
      int word = asciiWordHash(bytes, starts[w], ends[w] - starts[w]);
      terms = emit(x, terms, word, previous, w > 0);
      previous = word;
    }
    x.termCount = terms;
    x.words = words;
    x.wordChars = wordChars;
    x.digits = digits;
    countMarks(x, bytes, marks, markCount, length);
  }

  /** Counts what each mark means; most need a glance at their neighbours. */
  private static void countMarks(Extraction x, byte[] bytes, int[] marks, int markCount, int length) {
    for (int m = 0; m < markCount; m++) {
      int at = marks[m];
      byte c = bytes[at];
      switch (ASCII_KIND[c]) {
        case QUESTION -> {
          x.questions++;
          x.sentences++;
        }
        case SENTENCE_END -> {
          if (at + 1 >= length || ASCII_WHITESPACE[bytes[at + 1]]) {
            x.sentences++;
          }
          if (c == '.' && opensNumberedItem(bytes, at, length)) {
            x.enumerations++;
          }
        }
        case NEWLINE -> x.newlines++;
        case CODE -> {
          x.codeSymbols++;
          if (c == ')' && opensNumberedItem(bytes, at, length)) {
            x.enumerations++;
          }
        }
        case QUOTE -> x.quotes++;
        case BULLET -> {
          if (startsLine(bytes, at)) {
            x.enumerations++;
          }
        }
        default -> {}
      }
    }
  }

  /** "3." or "12)" followed by a space: a word of one or two digits right before the mark. */
  private static boolean opensNumberedItem(byte[] bytes, int mark, int length) {
    if (mark + 1 >= length || bytes[mark + 1] != ' ' || mark < 1 || ASCII_KIND[bytes[mark - 1]] != DIGIT) {
      return false;
    }
    if (mark < 2 || ASCII_KIND[bytes[mark - 2]] > DIGIT) {
      return true;
    }
    return ASCII_KIND[bytes[mark - 2]] == DIGIT && (mark < 3 || ASCII_KIND[bytes[mark - 3]] > DIGIT);
  }

  /** Whether only spaces, tabs and carriage returns stand between a line's start and {@code at}. */
  private static boolean startsLine(byte[] bytes, int at) {
    int i = at - 1;
    while (i >= 0 && ASCII_KIND[bytes[i]] == SPACE) {
      i--;
    }
    return i < 0 || bytes[i] == '\n';
  }

  private static int asciiWordHash(byte[] bytes, int start, int length) {
    long hash = 0;
    int at = start;
    int left = length;
    while (left > 8) {
      hash = (hash ^ ((long) LONG_LE.get(bytes, at) | TO_LOWER)) * CHUNK_MULTIPLIER;
      at += 8;
      left -= 8;
    }
    // OR-ing 0x20 lower-cases ASCII letters and leaves digits as they are.
    return finish(hash ^ (((long) LONG_LE.get(bytes, at) | TO_LOWER) & TAIL_MASK[left]));
  }

  /** A high bit in every byte of {@code v} within [lo, hi]; exact for bytes below 0x80. */
  private static long inRange(long v, int lo, int hi) {
    return (v + (0x80 - lo) * ONES) & ~(v + (0x7F - hi) * ONES) & HIGH_BITS;
  }

  /** A high bit in every zero byte of {@code v}; exact for bytes below 0x80. */
  private static long zeroBytes(long v) {
    return ~(v + 0x7F * ONES) & HIGH_BITS;
  }

  /** Packs the high bit of each byte into an 8-bit mask, byte 0 to bit 0. */
  private static int gather(long highBits) {
    return (int) (((highBits >>> 7) * 0x0102040810204080L) >>> 56);
  }

  // ------------------------------------------------------------------ the per-character path

  private static void scanChars(Extraction x, String text) {
    int length = text.length();
    x.ensureTermCapacity(length + 2);
    int terms = 0;
    int words = 0;
    int wordChars = 0;
    int digits = 0;
    long hash = 0;
    long chunk = 0;
    int shift = 0;
    int wordLength = 0;
    int wordDigits = 0;
    int previous = 0;
    boolean lineStart = true;

    // The end of the text is handled like a space after the loop.
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      int kind = c < ASCII ? ASCII_KIND[c] : unicodeKind(c);
      if (kind <= DIGIT) {
        if (shift == 64) {
          hash = (hash ^ chunk) * CHUNK_MULTIPLIER;
          chunk = 0;
          shift = 0;
        }
        chunk += (long) Character.toLowerCase(c) << shift;
        shift += 8;
        wordLength++;
        wordDigits += kind;
        continue;
      }
      if (wordLength > 0) {
        int word = finish(hash ^ chunk);
        terms = emit(x, terms, word, previous, words > 0);
        if (wordDigits == wordLength && wordLength <= 2 && (c == '.' || c == ')')
            && i + 1 < length && text.charAt(i + 1) == ' ') {
          x.enumerations++;
        }
        previous = word;
        words++;
        wordChars += wordLength;
        digits += wordDigits;
        hash = 0;
        chunk = 0;
        shift = 0;
        wordLength = 0;
        wordDigits = 0;
        lineStart = false;
      }
      switch (kind) {
        case SPACE -> {}
        case QUESTION -> {
          x.questions++;
          x.sentences++;
          lineStart = false;
        }
        case SENTENCE_END -> {
          if (i + 1 >= length || isWhitespace(text.charAt(i + 1))) {
            x.sentences++;
          }
          lineStart = false;
        }
        case NEWLINE -> {
          x.newlines++;
          lineStart = true;
        }
        case CODE -> {
          x.codeSymbols++;
          lineStart = false;
        }
        case QUOTE -> {
          x.quotes++;
          lineStart = false;
        }
        case BULLET -> {
          if (lineStart) {
            x.enumerations++;
          }
          lineStart = false;
        }
        default -> lineStart = false;
      }
    }
    if (wordLength > 0) {
      terms = emit(x, terms, finish(hash ^ chunk), previous, words > 0);
      words++;
      wordChars += wordLength;
      digits += wordDigits;
    }
    x.termCount = terms;
    x.words = words;
    x.wordChars = wordChars;
    x.digits = digits;
  }

  private static int unicodeKind(char c) {
    return Character.isDigit(c) ? DIGIT : Character.isLetter(c) ? LETTER : c == '\u2022' ? BULLET : OTHER;
  }

  private static boolean isWhitespace(char c) {
    return c < ASCII ? ASCII_WHITESPACE[c] : Character.isWhitespace(c);
  }

  // ------------------------------------------------------------------ shared by both paths

  /** Adds a word's term and, after the first word, the pair it ends; both also count as cues. */
  private static int emit(Extraction x, int terms, int word, int previous, boolean hasPrevious) {
    int[] out = x.terms;
    int[] cues = x.cueCounts;
    out[terms] = word;
    cues[cueFamily(word)]++;
    if (!hasPrevious) {
      return terms + 1;
    }
    int pair = pairHash(previous, word);
    out[terms + 1] = pair;
    cues[cueFamily(pair)]++;
    return terms + 2;
  }

  private static void finishDense(Extraction x, int length) {
    double[] dense = x.dense;
    int sentences = length > 0 && x.sentences == 0 ? 1 : x.sentences;
    dense[0] = log1p(length);
    dense[1] = log1p(x.words);
    dense[2] = log1p(sentences);
    dense[3] = Math.min(x.questions, 5);
    dense[4] = x.words == 0 ? 0 : Math.min((double) x.wordChars / x.words, 15);
    // Every word character is a letter or a digit, so wordChars is their sum.
    dense[5] = x.wordChars == 0 ? 0 : (double) x.digits / x.wordChars;
    dense[6] = log1p(x.newlines);
    dense[7] = log1p(x.codeSymbols);
    dense[8] = log1p(x.quotes);
    dense[9] = log1p(x.enumerations);
    for (int family = 0; family < NO_CUE; family++) {
      dense[FIRST_CUE + family] = log1p(x.cueCounts[family]);
    }
  }

  /**
   * StrictMath (bit-identical on every platform, so retraining reproduces the model), read from a
   * table for the small counts nearly every prompt has.
   */
  private static double log1p(int count) {
    return count < LOG1P_TABLE.length ? LOG1P_TABLE[count] : StrictMath.log1p(count);
  }

  private static int cueFamily(int hash) {
    int slot = (hash * CUE_SALT) >>> (32 - CUE_TABLE_BITS);
    return CUE_HASHES[slot] == hash ? CUE_FAMILY[slot] : NO_CUE;
  }

  /** Finds the first odd salt under which no two distinct cues share a slot, and fills the table. */
  private static int placeCues() {
    for (int salt = 1; ; salt += 2) {
      java.util.Arrays.fill(CUE_HASHES, 0);
      java.util.Arrays.fill(CUE_FAMILY, (byte) NO_CUE);
      if (placeAll(salt)) {
        return salt;
      }
    }
  }

  private static boolean placeAll(int salt) {
    boolean[] taken = new boolean[CUE_HASHES.length];
    for (int family = 0; family < CUES.length; family++) {
      for (String cue : CUES[family]) {
        int space = cue.indexOf(' ');
        int hash = space < 0 ? wordHash(cue) : pairHash(wordHash(cue.substring(0, space)),
            wordHash(cue.substring(space + 1)));
        int slot = (hash * salt) >>> (32 - CUE_TABLE_BITS);
        if (taken[slot] && CUE_HASHES[slot] != hash) {
          return false;
        }
        // A cue listed in two families counts for the later one.
        taken[slot] = true;
        CUE_HASHES[slot] = hash;
        CUE_FAMILY[slot] = (byte) family;
      }
    }
    return true;
  }

  /** The term hash of one word as the per-character path computes it. */
  static int wordHash(String word) {
    long hash = 0;
    long chunk = 0;
    int shift = 0;
    for (int i = 0; i < word.length(); i++) {
      if (shift == 64) {
        hash = (hash ^ chunk) * CHUNK_MULTIPLIER;
        chunk = 0;
        shift = 0;
      }
      chunk += (long) Character.toLowerCase(word.charAt(i)) << shift;
      shift += 8;
    }
    return finish(hash ^ chunk);
  }

  static int pairHash(int first, int second) {
    int h = first * 31 + second ^ PAIR_SALT;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ h >>> 16;
  }

  /** The murmur3 64-bit finaliser, folded to 32 bits: every input bit reaches the low bits. */
  private static int finish(long hash) {
    long h = hash;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return (int) h;
  }
}
