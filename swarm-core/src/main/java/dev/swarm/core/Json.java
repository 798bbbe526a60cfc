package dev.swarm.core;

/** Helpers for JSON that models write. */
final class Json {
  private Json() {}

  /** The text inside a Markdown code fence, or the text itself when it has none. */
  static String unfence(String text) {
    String t = text.strip();
    if (t.startsWith("```")) {
      int firstLine = t.indexOf('\n');
      int close = t.lastIndexOf("```");
      if (firstLine > 0 && close > firstLine) {
        return t.substring(firstLine + 1, close).strip();
      }
    }
    return t;
  }
}
