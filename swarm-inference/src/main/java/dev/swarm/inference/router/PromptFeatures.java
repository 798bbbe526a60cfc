package dev.swarm.inference.router;

/**
 * Turns a prompt into the router's features in one pass over its characters: hashed word and
 * word-pair terms, handed to a {@link TermSink} one by one so scoring allocates no term list, and
 * a short vector of lexical and structural counts.
 *
 * <p>The dense features carry what generalises to prompts the model never saw (length, cue
 * families, code and JSON shape, multi-part asks); the hashed terms carry vocabulary a user's own
 * traffic teaches. Hashing is fixed (FNV-1a over lower-cased letters and digits, then a murmur
 * finaliser) because saved models depend on it: changing it requires a new model file version.
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

  // Character classes. LETTER and DIGIT come first and DIGIT is 1, so the word loop tests a word
  // character with one compare and counts its digits by adding the class, without a branch.
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

  // The ASCII fast path: one table load gives a character's class (high 16 bits) and its
  // lower-case form (low 16 bits), so the scan never calls into java.lang.Character for ASCII.
  private static final int ASCII = 128;
  private static final int[] ASCII_INFO = new int[ASCII];
  private static final boolean[] ASCII_WHITESPACE = new boolean[ASCII];
  private static final int FNV_OFFSET = 0x811C9DC5;
  private static final int FNV_PRIME = 0x01000193;
  private static final int BIGRAM_SALT = 0x5BD1E995;

  /** Receives the hashed terms of one prompt. */
  abstract static class TermSink {
    /** One term's 32-bit hash; the caller masks it to its table size. */
    abstract void term(int hash);
  }

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

  /** StrictMath.log1p(n) for counts n up to a 2 KB prompt's length; entry 0 stays 0. */
  private static final double[] LOG1P_TABLE = new double[2049];

  private static final int CUE_TABLE_SIZE = 4096;
  private static final int[] CUE_HASHES = new int[CUE_TABLE_SIZE];
  private static final byte[] CUE_FAMILY = new byte[CUE_TABLE_SIZE];

  static {
    for (int n = 1; n < LOG1P_TABLE.length; n++) {
      LOG1P_TABLE[n] = StrictMath.log1p(n);
    }
    int[] kinds = new int[ASCII];
    for (char c = 0; c < ASCII; c++) {
      kinds[c] = Character.isDigit(c) ? DIGIT : Character.isLetter(c) ? LETTER : OTHER;
      ASCII_WHITESPACE[c] = Character.isWhitespace(c);
    }
    for (char c : " \t\r".toCharArray()) {
      kinds[c] = SPACE;
    }
    kinds['?'] = QUESTION;
    kinds['.'] = SENTENCE_END;
    kinds['!'] = SENTENCE_END;
    kinds['\n'] = NEWLINE;
    for (char c : "{}();=<>[]_".toCharArray()) {
      kinds[c] = CODE;
    }
    kinds['"'] = QUOTE;
    kinds['`'] = QUOTE;
    kinds['-'] = BULLET;
    kinds['*'] = BULLET;
    for (char c = 0; c < ASCII; c++) {
      ASCII_INFO[c] = kinds[c] << 16 | Character.toLowerCase(c);
    }
    java.util.Arrays.fill(CUE_FAMILY, (byte) -1);
    for (int family = 0; family < CUES.length; family++) {
      for (String cue : CUES[family]) {
        int space = cue.indexOf(' ');
        int hash = space < 0 ? wordHash(cue) : pairHash(wordHash(cue.substring(0, space)),
            wordHash(cue.substring(space + 1)));
        int slot = hash & (CUE_TABLE_SIZE - 1);
        while (CUE_FAMILY[slot] >= 0 && CUE_HASHES[slot] != hash) {
          slot = (slot + 1) & (CUE_TABLE_SIZE - 1);
        }
        CUE_HASHES[slot] = hash;
        CUE_FAMILY[slot] = (byte) family;
      }
    }
  }

  private PromptFeatures() {}

  /**
   * Extracts the features of {@code text}: dense counts into {@code dense} (length {@link
   * #DENSE}, overwritten) and every hashed term into {@code sink}.
   *
   * @return the number of terms sent to {@code sink}
   */
  static int extract(String text, double[] dense, TermSink sink) {
    java.util.Arrays.fill(dense, 0);
    int length = text.length();
    int words = 0;
    int wordChars = 0;
    int digits = 0;
    int sentences = 0;
    int questions = 0;
    int newlines = 0;
    int codeSymbols = 0;
    int quotes = 0;
    int enumerations = 0;
    int terms = 0;

    int hash = FNV_OFFSET;
    int wordLength = 0;
    int wordDigits = 0;
    int previous = 0;
    boolean hasPrevious = false;
    boolean lineStart = true;

    // One pass; the end of the text is handled like a space after the loop. Inside a word each
    // character costs one table load, one compare and the FNV step; everything else happens once
    // per word or per punctuation mark.
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      int info = c < ASCII ? ASCII_INFO[c] : unicodeInfo(c);
      int kind = info >>> 16;
      if (kind <= DIGIT) {
        hash = (hash ^ (info & 0xFFFF)) * FNV_PRIME;
        wordLength++;
        wordDigits += kind;
        continue;
      }
      if (wordLength > 0) {
        int word = finish(hash);
        terms += hasPrevious ? 2 : 1;
        emit(word, previous, hasPrevious, dense, sink);
        // "3." or "12)" followed by a space opens a numbered list item.
        if (wordDigits == wordLength && wordLength <= 2 && (c == '.' || c == ')')
            && i + 1 < length && text.charAt(i + 1) == ' ') {
          enumerations++;
        }
        previous = word;
        hasPrevious = true;
        words++;
        wordChars += wordLength;
        digits += wordDigits;
        hash = FNV_OFFSET;
        wordLength = 0;
        wordDigits = 0;
        lineStart = false;
      }
      switch (kind) {
        case SPACE -> {}
        case QUESTION -> {
          questions++;
          sentences++;
          lineStart = false;
        }
        case SENTENCE_END -> {
          if (i + 1 >= length || isWhitespace(text.charAt(i + 1))) {
            sentences++;
          }
          lineStart = false;
        }
        case NEWLINE -> {
          newlines++;
          lineStart = true;
        }
        case CODE -> {
          codeSymbols++;
          lineStart = false;
        }
        case QUOTE -> {
          quotes++;
          lineStart = false;
        }
        case BULLET -> {
          if (lineStart) {
            enumerations++;
          }
          lineStart = false;
        }
        default -> lineStart = false;
      }
    }
    if (wordLength > 0) {
      terms += hasPrevious ? 2 : 1;
      emit(finish(hash), previous, hasPrevious, dense, sink);
      words++;
      wordChars += wordLength;
      digits += wordDigits;
    }
    if (length > 0 && sentences == 0) {
      sentences = 1;
    }
    dense[0] = log1p(length);
    dense[1] = log1p(words);
    dense[2] = log1p(sentences);
    dense[3] = Math.min(questions, 5);
    dense[4] = words == 0 ? 0 : Math.min((double) wordChars / words, 15);
    // Every word character is a letter or a digit, so wordChars is their sum.
    dense[5] = wordChars == 0 ? 0 : (double) digits / wordChars;
    dense[6] = log1p(newlines);
    dense[7] = log1p(codeSymbols);
    dense[8] = log1p(quotes);
    dense[9] = log1p(enumerations);
    for (int f = FIRST_CUE; f < DENSE; f++) {
      dense[f] = log1p(dense[f]);
    }
    return terms;
  }

  /**
   * StrictMath (bit-identical on every platform, so retraining reproduces the model), read from a
   * table for the small counts nearly every prompt has: a dozen StrictMath.log1p calls cost about
   * as much as the whole character scan of a 1 KB prompt.
   */
  private static double log1p(double count) {
    return count < LOG1P_TABLE.length ? LOG1P_TABLE[(int) count] : StrictMath.log1p(count);
  }

  /** Sends a word's term and, after the first word, the pair it ends; both also count as cues. */
  private static void emit(int word, int previous, boolean hasPrevious, double[] dense, TermSink sink) {
    sink.term(word);
    countCue(word, dense);
    if (hasPrevious) {
      int pair = pairHash(previous, word);
      sink.term(pair);
      countCue(pair, dense);
    }
  }

  /** The class and lower-case form of a non-ASCII character, packed like {@link #ASCII_INFO}. */
  private static int unicodeInfo(char c) {
    int kind = Character.isDigit(c) ? DIGIT : Character.isLetter(c) ? LETTER : c == '\u2022' ? BULLET : OTHER;
    return kind << 16 | Character.toLowerCase(c);
  }

  private static boolean isWhitespace(char c) {
    return c < ASCII ? ASCII_WHITESPACE[c] : Character.isWhitespace(c);
  }

  private static void countCue(int hash, double[] dense) {
    int slot = hash & (CUE_TABLE_SIZE - 1);
    while (CUE_FAMILY[slot] >= 0) {
      if (CUE_HASHES[slot] == hash) {
        dense[FIRST_CUE + CUE_FAMILY[slot]]++;
        return;
      }
      slot = (slot + 1) & (CUE_TABLE_SIZE - 1);
    }
  }

  private static int wordHash(String word) {
    int hash = FNV_OFFSET;
    for (int i = 0; i < word.length(); i++) {
      hash = (hash ^ Character.toLowerCase(word.charAt(i))) * FNV_PRIME;
    }
    return finish(hash);
  }

  private static int pairHash(int first, int second) {
    return finish(first * 31 + second ^ BIGRAM_SALT);
  }

  private static int finish(int hash) {
    int h = hash;
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    h ^= h >>> 16;
    return h;
  }
}
