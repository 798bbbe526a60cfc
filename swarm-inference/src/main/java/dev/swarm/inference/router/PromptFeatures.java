package dev.swarm.inference.router;

/**
 * Turns a prompt into the router's features: hashed word and word-pair terms, and a short vector
 * of lexical and structural counts.
 *
 * <p>The dense features carry what generalises to prompts the model never saw (length, cue
 * families, code and JSON shape, multi-part asks); the hashed terms carry vocabulary a user's own
 * traffic teaches. The term hash is fixed because saved models depend on it: changing it requires
 * a new {@link RouterModel#VERSION}.
 *
 * <p>The per-character path defines the features for every input; training reads its terms.
 * Scoring sits on every inference call, so there ASCII text (nearly every prompt) is copied to
 * bytes by the JDK's intrinsic encoder, classified into bitmasks 64 bytes at a time
 * ({@link ByteBlocks}), and walked word by word from those masks: each word is hashed once, from
 * whole 64-bit loads, without decoding or per-character work, and its terms are weighed as they
 * are made. The two paths agree exactly on ASCII, down to the last bit of the weight sum, and a
 * test holds them to it.
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

  /** A term table's mark for a slot some cue's term lands in: the sign bit, so testing it is one compare. */
  private static final long CUE_SLOT = Long.MIN_VALUE;

  /** The number of cue families. */
  static final int CUE_FAMILIES = CUES.length;

  /** StrictMath.log1p(n) for counts n up to a 2 KB prompt's length; entry 0 stays 0. */
  private static final double[] LOG1P_TABLE = new double[2049];

  // Cues sit in a collision-free table: a salt is searched at class load so every cue owns the
  // slot its hash picks, and a lookup is one load and one compare.
  private static final int CUE_TABLE_BITS = 13;
  private static final int[] CUE_HASHES = new int[1 << CUE_TABLE_BITS];
  private static final byte[] CUE_FAMILY = new byte[1 << CUE_TABLE_BITS];
  private static final int CUE_SALT;

  // Word hashing: each 8-character chunk of the lower-cased word, one byte per character, is
  // folded in with a multiply; the last chunk goes straight into the finaliser.
  private static final long CHUNK_MULTIPLIER = 0x9E3779B97F4A7C15L;
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
   * Extracts the features of {@code text} and its terms into a pooled {@link Extraction}, one
   * character at a time; close it once its dense vector and terms have been read. Training and
   * online updates use this, as they need the terms themselves; its terms define the ones
   * {@link #extractForScoring} weighs.
   */
  static Extraction extract(String text) {
    Extraction x = Extraction.acquire();
    x.clearCounts();
    scanChars(x, text);
    finishDense(x, text.length());
    return x;
  }

  /**
   * A model's hashed weights as a term table: slot {@code i} holds the bits of {@code weights[i]}
   * in its low 32 bits and has its sign bit set when some cue's term lands in it. Scoring reads
   * one slot per term for both its weight and whether it may be a cue, and probes the cue table
   * only for the few terms whose slot is marked. Probing the cue table for every term doubled the
   * cache lines each term touched, and those loads were the walk's longest waits.
   *
   * @param weights a power-of-two number of weights, indexed by {@code term & (length - 1)}
   */
  static long[] termTable(float[] weights) {
    if (Integer.bitCount(weights.length) != 1) {
      throw new IllegalArgumentException("hashed weights must be a power of two in number, not " + weights.length);
    }
    long[] table = new long[weights.length];
    for (int i = 0; i < weights.length; i++) {
      table[i] = withWeight(0, weights[i]);
    }
    int mask = table.length - 1;
    for (int slot = 0; slot < CUE_HASHES.length; slot++) {
      if (CUE_FAMILY[slot] != CUE_FAMILIES) {
        table[CUE_HASHES[slot] & mask] |= CUE_SLOT;
      }
    }
    return table;
  }

  /**
   * Extracts what scoring needs: the dense features, the number of terms, and the sum of their
   * weights, read from {@code termTable[term & (length - 1)]} (see {@link #termTable}), in
   * {@link Extraction#termWeightSum}. The terms themselves are not kept: ASCII text is walked
   * word by word straight from bitmasks, and storing every term took a tenth of that walk.
   * The weights are summed while the walk goes, so the table loads (too big for the L1 cache)
   * overlap with the hashing instead of waiting in a loop of their own afterwards.
   */
  static Extraction extractForScoring(String text, long[] termTable) {
    Extraction x = Extraction.acquire();
    try {
      x.clearCounts();
      int length = text.length();
      if (length <= Extraction.MAX_ASCII_PATH && x.loadAscii(text)) {
        scanAscii(x, length, termTable);
      } else {
        scanChars(x, text);
        x.termWeightSum = weightSum(x.terms, x.termCount, termTable);
      }
      finishDense(x, length);
      return x;
    } catch (RuntimeException | Error e) {
      x.close();
      throw e;
    }
  }

  /**
   * The terms' weights summed in two running sums, one over the even term indices and one over
   * the odd, so alternate adds overlap instead of waiting on each other. The ASCII path adds the
   * same weights in the same order while it walks, so both paths give the same sum to the last bit.
   */
  static double weightSum(int[] terms, int count, long[] termTable) {
    int mask = termTable.length - 1;
    double even = 0;
    double odd = 0;
    int i = 0;
    for (; i + 1 < count; i += 2) {
      even += weight(termTable[terms[i] & mask]);
      odd += weight(termTable[terms[i + 1] & mask]);
    }
    if (i < count) {
      even += weight(termTable[terms[i] & mask]);
    }
    return even + odd;
  }

  /** The weight a term-table slot holds. */
  static float weight(long termSlot) {
    return Float.intBitsToFloat((int) termSlot);
  }

  /** {@code termSlot} holding {@code weight} instead, still marked if it was. */
  static long withWeight(long termSlot, float weight) {
    return termSlot & CUE_SLOT | Float.floatToRawIntBits(weight) & 0xFFFF_FFFFL;
  }

  // ------------------------------------------------------------------ the ASCII path

  /**
   * Classifies the bytes into bitmasks a block at a time, then counts the marks and walks the
   * words from bit scans. A byte-by-byte walk had each word wait for the end of the one before
   * it, and mispredicted its exit at the end of every word; here a word's start and length are a
   * few bit operations on the masks, so consecutive words are hashed in parallel.
   */
  private static void scanAscii(Extraction x, int length, long[] termTable) {
    byte[] bytes = x.bytes;
    int blocks = ByteBlocks.blocks(length);
    x.digits = ByteBlocks.classify(bytes, length, x.wordMasks, x.markMasks);
    countMarks(x, bytes, length, x.markMasks, blocks);
    walkWords(x, bytes, x.wordMasks, blocks, termTable);
  }

  private static void countMarks(Extraction x, byte[] bytes, int length, long[] markMasks, int blocks) {
    for (int b = 0; b < blocks; b++) {
      for (long marks = markMasks[b]; marks != 0; marks &= marks - 1) {
        int at = (b << 6) + Long.numberOfTrailingZeros(marks);
        countMark(x, bytes, at, ASCII_KIND[bytes[at]], length);
      }
    }
  }

  /**
   * A word starts at each word bit whose previous bit (carried over from the block before) is
   * clear. Its terms are the ones {@link #emit} stores, weighed without being stored, and looked
   * up in the cue table only when their term-table slot is marked. The weights are summed as
   * {@link #weightSum} sums them: word k is the term at the odd index 2k - 1 and its pair the
   * one at the even index after it, and the first word is at index 0.
   */
  private static void walkWords(Extraction x, byte[] bytes, long[] wordMasks, int blocks, long[] termTable) {
    int mask = termTable.length - 1;
    double even = 0;
    double odd = 0;
    int words = 0;
    int wordChars = 0;
    int previous = 0;
    long carry = 0;
    for (int b = 0; b < blocks; b++) {
      long wordBits = wordMasks[b];
      wordChars += Long.bitCount(wordBits);
      long starts = wordBits & ~(wordBits << 1 | carry);
      carry = wordBits >>> 63;
      for (; starts != 0; starts &= starts - 1) {
        int offset = Long.numberOfTrailingZeros(starts);
        int wordLength = runLength(wordMasks, b, offset);
        int word = finish(chunkHash(bytes, (b << 6) + offset, wordLength));
        long wordSlot = termTable[word & mask];
        if (wordSlot < 0) {
          countCue(x, word);
        }
        if (words == 0) {
          even += weight(wordSlot);
        } else {
          int pair = pairHash(previous, word);
          long pairSlot = termTable[pair & mask];
          if (pairSlot < 0) {
            countCue(x, pair);
          }
          odd += weight(wordSlot);
          even += weight(pairSlot);
        }
        previous = word;
        words++;
      }
    }
    x.termCount = termCount(words);
    x.termWeightSum = even + odd;
    x.words = words;
    x.wordChars = wordChars;
  }

  /** The number of consecutive word bits from {@code offset} in block {@code b}, across blocks. */
  private static int runLength(long[] wordMasks, int b, int offset) {
    int run = Long.numberOfTrailingZeros(~(wordMasks[b] >>> offset));
    if (run < 64 - offset) {
      return run;
    }
    // The word runs into the next block; the mask after the last block is 0, so this ends.
    int more;
    do {
      more = Long.numberOfTrailingZeros(~wordMasks[++b]);
      run += more;
    } while (more == 64);
    return run;
  }

  /**
   * The word's chunk hash as the per-character path computes it: each full 8-byte chunk but the
   * last mixed in with a multiply, the last (masked to the word) left for {@link #finish}.
   */
  private static long chunkHash(byte[] bytes, int start, int wordLength) {
    long hash = 0;
    for (; wordLength > 8; wordLength -= 8, start += 8) {
      hash = (hash ^ ByteBlocks.lowerChunk(bytes, start)) * CHUNK_MULTIPLIER;
    }
    return hash ^ (ByteBlocks.lowerChunk(bytes, start) & TAIL_MASK[wordLength]);
  }

  private static void countMark(Extraction x, byte[] bytes, int at, int kind, int length) {
    switch (kind) {
      case QUESTION -> {
        x.questions++;
        x.sentences++;
      }
      case SENTENCE_END -> {
        if (at + 1 >= length || ASCII_WHITESPACE[bytes[at + 1]]) {
          x.sentences++;
        }
        if (bytes[at] == '.' && opensNumberedItem(bytes, at, length)) {
          x.enumerations++;
        }
      }
      case NEWLINE -> x.newlines++;
      case CODE -> {
        x.codeSymbols++;
        if (bytes[at] == ')' && opensNumberedItem(bytes, at, length)) {
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

  // ------------------------------------------------------------------ the per-character path

  /** The per-character path: classifies and hashes one char at a time and looks every term up in the cue table. */
  private static void scanChars(Extraction x, String text) {
    int length = text.length();
    x.ensureTermCapacity(length + 2);
    int[] terms = x.terms;
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
        emit(x, terms, words, word, previous);
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
      emit(x, terms, words, finish(hash ^ chunk), previous);
      words++;
      wordChars += wordLength;
      digits += wordDigits;
    }
    x.termCount = termCount(words);
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

  /**
   * Stores word {@code index}'s term and, after the first word, the pair it ends (terms go word,
   * then pair, so word {@code index} sits at {@code 2 * index - 1}); both also count as cues.
   */
  private static void emit(Extraction x, int[] terms, int index, int word, int previous) {
    if (index == 0) {
      terms[0] = word;
      countCue(x, word);
      return;
    }
    int pair = pairHash(previous, word);
    terms[2 * index - 1] = word;
    terms[2 * index] = pair;
    countCue(x, word);
    countCue(x, pair);
  }

  private static int termCount(int words) {
    return words == 0 ? 0 : 2 * words - 1;
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
    for (int family = 0; family < CUE_FAMILIES; family++) {
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

  /**
   * One load and one compare; the branch is taken only for the few terms that are cues, which
   * keeps the counters out of a store-to-load chain that counting every term would build.
   */
  private static void countCue(Extraction x, int hash) {
    int slot = (hash * CUE_SALT) >>> (32 - CUE_TABLE_BITS);
    if (CUE_HASHES[slot] == hash) {
      x.cueCounts[CUE_FAMILY[slot]]++;
    }
  }

  /** Finds the first odd salt under which no two distinct cues share a slot, and fills the table. */
  private static int placeCues() {
    for (int salt = 1; ; salt += 2) {
      java.util.Arrays.fill(CUE_HASHES, 0);
      java.util.Arrays.fill(CUE_FAMILY, (byte) CUE_FAMILIES);
      if (placeAll(salt)) {
        return salt;
      }
    }
  }

  private static boolean placeAll(int salt) {
    boolean[] taken = new boolean[CUE_HASHES.length];
    for (int family = 0; family < CUES.length; family++) {
      for (String cue : CUES[family]) {
        int hash = cueTerm(cue);
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

  /** The term of a cue: a word's hash, or for two words separated by a space, their pair's. */
  static int cueTerm(String cue) {
    int space = cue.indexOf(' ');
    return space < 0 ? wordHash(cue) : pairHash(wordHash(cue.substring(0, space)), wordHash(cue.substring(space + 1)));
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

  /**
   * A word pair's term: the first word's hash, multiplied so the order of the two matters, mixed
   * with the second's. Both are finished hashes already, so two operations suffice.
   */
  static int pairHash(int first, int second) {
    return first * 0x9E3779B1 ^ second;
  }

  /**
   * Folds a word's 64-bit chunk hash to 32 well-mixed bits: a multiply, a fold of the high half
   * into the low one, and a second multiply whose high half depends on every input bit.
   */
  private static int finish(long hash) {
    long h = hash * 0xFF51AFD7ED558CCDL;
    h ^= h >>> 32;
    return (int) ((h * 0xC4CEB9FE1A85EC53L) >>> 32);
  }
}
