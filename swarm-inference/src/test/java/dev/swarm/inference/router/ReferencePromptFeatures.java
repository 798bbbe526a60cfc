package dev.swarm.inference.router;

/**
 * A frozen copy of the version-1 {@link PromptFeatures}, kept only as the reference {@link
 * PromptFeaturesTest} holds the dense features to: model file version 2 changed the term hash
 * (so terms are compared by count here, not value) but every dense value must stay bit-identical,
 * or saved models would silently score differently. Do not optimise or otherwise edit this class.
 */
final class ReferencePromptFeatures {
  /** Names of the dense features, in vector order; written to the model file to detect drift. */
  static final String[] DENSE_NAMES = {
    "log_chars", "log_words", "log_sentences", "questions", "avg_word_length", "digit_share",
    "log_newlines", "log_code_symbols", "log_quotes", "log_enumerations",
    "cue_reasoning", "cue_planning", "cue_constraint", "cue_code", "cue_structured_data",
    "cue_math", "cue_creative", "cue_routine", "cue_multi_part", "cue_comparison", "cue_long_form"
  };

  static final int DENSE = DENSE_NAMES.length;

  private static final int FIRST_CUE = 10;

  // Character classes for the ASCII fast path; other characters go through java.lang.Character.
  private static final int ASCII = 128;
  private static final byte OTHER = 0;
  private static final byte LETTER = 1;
  private static final byte DIGIT = 2;
  private static final byte SPACE = 3;
  private static final byte QUESTION = 4;
  private static final byte SENTENCE_END = 5;
  private static final byte NEWLINE = 6;
  private static final byte CODE = 7;
  private static final byte QUOTE = 8;
  private static final byte BULLET = 9;
  private static final byte[] ASCII_KIND = new byte[ASCII];
  private static final char[] ASCII_LOWER = new char[ASCII];
  private static final int FNV_OFFSET = 0x811C9DC5;
  private static final int FNV_PRIME = 0x01000193;
  private static final int BIGRAM_SALT = 0x5BD1E995;

  
  // Cue words and word pairs by family; matched by hash so scoring never builds a String.
  static final String[][] CUES = {
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

  private static final int CUE_TABLE_SIZE = 4096;
  private static final int[] CUE_HASHES = new int[CUE_TABLE_SIZE];
  private static final byte[] CUE_FAMILY = new byte[CUE_TABLE_SIZE];

  static {
    for (char c = 0; c < ASCII; c++) {
      ASCII_KIND[c] = Character.isDigit(c) ? DIGIT : Character.isLetter(c) ? LETTER : OTHER;
      ASCII_LOWER[c] = Character.toLowerCase(c);
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

  private ReferencePromptFeatures() {}

  /**
   * Extracts the features of {@code text}: dense counts into {@code dense} (length {@link
   * #DENSE}, overwritten) and every hashed term into {@code sink}.
   *
   * @return the number of terms sent to {@code sink}
   */
  static int extract(String text, double[] dense, java.util.function.IntConsumer sink) {
    java.util.Arrays.fill(dense, 0);
    int length = text.length();
    int words = 0;
    int wordChars = 0;
    int letters = 0;
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
    boolean allDigits = true;
    int previous = 0;
    boolean hasPrevious = false;
    boolean lineStart = true;

    for (int i = 0; i <= length; i++) {
      char c = i < length ? text.charAt(i) : ' ';
      int kind = c < ASCII ? ASCII_KIND[c] : unicodeKind(c);
      if (kind == LETTER || kind == DIGIT) {
        if (kind == DIGIT) {
          digits++;
        } else {
          letters++;
          allDigits = false;
        }
        hash = (hash ^ (c < ASCII ? ASCII_LOWER[c] : Character.toLowerCase(c))) * FNV_PRIME;
        wordLength++;
        lineStart = false;
        continue;
      }
      if (wordLength > 0) {
        int word = finish(hash);
        sink.accept(word);
        terms++;
        countCue(word, dense);
        if (hasPrevious) {
          int pair = pairHash(previous, word);
          sink.accept(pair);
          terms++;
          countCue(pair, dense);
        }
        if (allDigits && wordLength <= 2 && (c == '.' || c == ')')
            && i + 1 < length && text.charAt(i + 1) == ' ') {
          enumerations++;
        }
        previous = word;
        hasPrevious = true;
        words++;
        wordChars += wordLength;
        hash = FNV_OFFSET;
        wordLength = 0;
        allDigits = true;
      }
      switch (c < ASCII ? kind : c == '\u2022' ? BULLET : OTHER) {
        case SPACE -> {}
        case QUESTION -> {
          questions++;
          sentences++;
          lineStart = false;
        }
        case SENTENCE_END -> {
          if (i + 1 >= length || Character.isWhitespace(text.charAt(i + 1))) {
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
    if (length > 0 && sentences == 0) {
      sentences = 1;
    }
    dense[0] = log1p(length);
    dense[1] = log1p(words);
    dense[2] = log1p(sentences);
    dense[3] = Math.min(questions, 5);
    dense[4] = words == 0 ? 0 : Math.min((double) wordChars / words, 15);
    dense[5] = letters + digits == 0 ? 0 : (double) digits / (letters + digits);
    dense[6] = log1p(newlines);
    dense[7] = log1p(codeSymbols);
    dense[8] = log1p(quotes);
    dense[9] = log1p(enumerations);
    for (int f = FIRST_CUE; f < DENSE; f++) {
      dense[f] = log1p(dense[f]);
    }
    return terms;
  }

  /** StrictMath (bit-identical on every platform, so retraining reproduces the model) but free for zero. */
  private static double log1p(double count) {
    return count == 0 ? 0 : StrictMath.log1p(count);
  }

  private static int unicodeKind(char c) {
    return Character.isDigit(c) ? DIGIT : Character.isLetter(c) ? LETTER : OTHER;
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
