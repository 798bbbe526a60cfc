package dev.swarm.vector;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Extracts the {@link PromptFeatures} the guards compare, with plain rules that explain themselves. */
final class PromptAnalyzer {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['.,\\-][\\p{L}\\p{N}]+)*");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
  private static final Pattern ORDINAL = Pattern.compile("(\\d+)(?:st|nd|rd|th)");

  private static final Set<String> NEGATIONS = Set.of(
      "not", "no", "never", "none", "nothing", "nobody", "nowhere", "neither", "nor", "without",
      "cannot", "cant", "dont", "doesnt", "isnt", "arent", "wasnt", "werent", "wont", "shouldnt",
      "wouldnt", "couldnt", "hasnt", "havent", "hadnt", "didnt", "except", "excluding", "avoid");

  // "one" and "first" are left out on purpose: they are as often pronoun and adverb as number.
  private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
      Map.entry("zero", "0"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
      Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
      Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
      Map.entry("dozen", "12"), Map.entry("fifteen", "15"), Map.entry("twenty", "20"),
      Map.entry("thirty", "30"), Map.entry("fifty", "50"), Map.entry("hundred", "100"),
      Map.entry("thousand", "1000"), Map.entry("million", "1000000"), Map.entry("billion", "1000000000"),
      Map.entry("second", "2"), Map.entry("third", "3"), Map.entry("fourth", "4"), Map.entry("fifth", "5"),
      Map.entry("tenth", "10"), Map.entry("half", "0.5"), Map.entry("twice", "2x"), Map.entry("double", "2x"));

  private static final Map<String, String> FORMATS = Map.ofEntries(
      Map.entry("json", "json"), Map.entry("yaml", "yaml"), Map.entry("yml", "yaml"), Map.entry("xml", "xml"),
      Map.entry("csv", "csv"), Map.entry("markdown", "markdown"), Map.entry("html", "html"),
      Map.entry("table", "table"), Map.entry("tables", "table"), Map.entry("tabular", "table"),
      Map.entry("bullet", "bullets"), Map.entry("bullets", "bullets"), Map.entry("bulleted", "bullets"),
      Map.entry("numbered", "numbered"), Map.entry("haiku", "haiku"), Map.entry("poem", "poem"),
      Map.entry("poetry", "poem"), Map.entry("limerick", "limerick"), Map.entry("sonnet", "sonnet"),
      Map.entry("tweet", "tweet"), Map.entry("email", "email"), Map.entry("essay", "essay"),
      Map.entry("regex", "regex"), Map.entry("sql", "sql"), Map.entry("python", "python"),
      Map.entry("java", "java"), Map.entry("javascript", "javascript"), Map.entry("typescript", "typescript"),
      Map.entry("rust", "rust"), Map.entry("cpp", "cpp"), Map.entry("csharp", "csharp"),
      Map.entry("kotlin", "kotlin"), Map.entry("golang", "go"), Map.entry("ruby", "ruby"),
      Map.entry("php", "php"), Map.entry("bash", "bash"), Map.entry("powershell", "powershell"),
      Map.entry("english", "lang:en"), Map.entry("french", "lang:fr"), Map.entry("spanish", "lang:es"),
      Map.entry("german", "lang:de"), Map.entry("italian", "lang:it"), Map.entry("portuguese", "lang:pt"),
      Map.entry("chinese", "lang:zh"), Map.entry("japanese", "lang:ja"), Map.entry("russian", "lang:ru"),
      Map.entry("brief", "short"), Map.entry("briefly", "short"), Map.entry("short", "short"),
      Map.entry("concise", "short"), Map.entry("concisely", "short"), Map.entry("succinct", "short"),
      Map.entry("detailed", "long"), Map.entry("indepth", "long"), Map.entry("lengthy", "long"), Map.entry("comprehensive", "long"),
      Map.entry("thorough", "long"), Map.entry("thoroughly", "long"), Map.entry("elaborate", "long"),
      Map.entry("simple", "simple"), Map.entry("simply", "simple"), Map.entry("eli5", "simple"),
      Map.entry("layman", "simple"), Map.entry("formal", "formal"), Map.entry("casual", "casual"),
      Map.entry("informal", "casual"), Map.entry("funny", "funny"), Map.entry("humorous", "funny"));

  // Words that open prompts; capitalised only because they open a sentence, so not names.
  private static final Set<String> OPENERS = Set.copyOf(java.util.List.of(
      "what", "whats", "how", "hows", "why", "when", "where", "who", "whom", "whose", "which", "is", "are",
      "was", "were", "am", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
      "do", "does", "did", "have", "has", "had", "please", "tell", "give", "write", "explain", "describe",
      "list", "name", "summarize", "summarise", "translate", "show", "find", "make", "create", "generate",
      "compose", "draft", "convert", "provide", "define", "compare", "calculate", "compute", "help",
      "let", "lets", "suggest", "recommend", "outline", "rewrite", "rephrase", "check", "fix", "debug",
      "i", "im", "ive", "id", "my", "me", "we", "our", "you", "your", "the", "a", "an", "in", "on", "at",
      "for", "to", "from", "of", "by", "with", "about", "if", "is", "it", "its", "this", "that", "these",
      "those", "there", "here", "any", "some", "all", "each", "every", "hi", "hello", "hey", "thanks",
      "okay", "ok", "so", "and", "but", "or", "also", "now", "then", "just", "quick", "question",
      "could", "whats", "need", "want", "looking", "trying", "get", "go", "use", "using", "say",
      "identify", "determine", "estimate", "solve", "add", "remove", "sort", "count", "extract",
      "classify", "analyze", "analyse", "evaluate", "review", "improve", "correct", "proofread", "edit",
      "plan", "design", "build", "implement", "set", "run", "turn", "put", "keep", "start", "stop",
      "in", "after", "before", "during", "between", "into", "over", "under", "as", "like", "than",
      "not", "no", "yes", "quickly", "again", "one", "two", "three", "first", "next", "last", "best",
      "good", "new", "old", "big", "small", "most", "more", "less", "few", "many", "much", "other",
      "another", "such", "same", "different", "important", "main", "key", "top", "simple", "short",
      "brief", "detailed", "steps", "ways", "tips", "ideas", "examples", "reasons", "benefits",
      "advantages", "disadvantages", "pros", "cons", "difference", "differences", "meaning", "definition",
      "pull", "take", "grab", "return", "output", "format", "print", "send", "read", "open", "close",
      "produce", "prepare", "pick", "choose", "select", "share", "break", "walk", "guide", "teach",
      "learn", "assume", "imagine", "pretend", "consider", "act", "think", "play", "draw", "fill",
      "rank", "rate", "score", "match", "map", "merge", "split", "join", "combine", "reverse",
      "change", "update", "delete", "install", "configure", "enable", "disable", "cancel", "book"));

  private static final Set<String> ARTICLES = Set.of("a", "an", "the", "my", "your", "our", "their", "this", "that");

  private PromptAnalyzer() {}

  static PromptFeatures analyze(String prompt) {
    String text = prompt.replace('’', '\'').replace("C++", "cpp").replace("c++", "cpp")
        .replace("C#", "csharp").replace("c#", "csharp");
    Set<String> words = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    Set<String> entities = new HashSet<>();
    Set<String> formats = new HashSet<>();
    Set<String> targets = new HashSet<>();
    boolean afterTo = false;
    int negations = 0;
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String raw = stripPossessive(m.group());
      String word = raw.toLowerCase(Locale.ROOT);
      String bare = word.replace("'", "").replace("-", "");
      words.add(word);
      words.add(bare);
      if (NEGATIONS.contains(bare) || word.endsWith("n't")) {
        negations++;
      }
      number(word).ifPresent(numbers::add);
      String format = FORMATS.get(bare);
      if (format != null && !(bare.equals("short") && text.startsWith(" for", m.end()))) {
        formats.add(format);
      }
      if (isEntity(raw, bare, atSentenceStart(text, m.start()))) {
        entities.add(bare);
      }
      if (afterTo && !ARTICLES.contains(bare)) {
        targets.add(bare);
        afterTo = false;
      }
      if (bare.equals("to") || bare.equals("into")) {
        afterTo = true;
      }
    }
    return new PromptFeatures(words, negations, numbers, entities, formats, targets);
  }

  private static Optional<String> number(String word) {
    Matcher ordinal = ORDINAL.matcher(word);
    if (ordinal.matches()) {
      return Optional.of(ordinal.group(1));
    }
    if (NUMBER.matcher(word).matches()) {
      String plain = new BigDecimal(word.replace(",", "")).stripTrailingZeros().toPlainString();
      return Optional.of(plain);
    }
    return Optional.ofNullable(NUMBER_WORDS.get(word));
  }

  private static boolean isEntity(String raw, String bare, boolean sentenceStart) {
    if (!Character.isUpperCase(raw.charAt(0)) && raw.chars().skip(1).noneMatch(Character::isUpperCase)) {
      return false;
    }
    if (raw.length() > 1 && raw.chars().skip(1).anyMatch(Character::isUpperCase)) {
      return true; // acronyms and camel case: NASA, iPhone, ArrayList
    }
    if (!Character.isLetter(raw.charAt(0)) || bare.length() < 2) {
      return false;
    }
    return !sentenceStart || !OPENERS.contains(bare);
  }

  private static boolean atSentenceStart(String text, int start) {
    for (int i = start - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '(' || c == '*' || c == '-') {
        if (c == '\n') {
          return true;
        }
        continue;
      }
      return c == '.' || c == '?' || c == '!' || c == ':' || c == ';';
    }
    return true;
  }

  private static String stripPossessive(String token) {
    return token.endsWith("'s") || token.endsWith("'S") ? token.substring(0, token.length() - 2) : token;
  }
}
