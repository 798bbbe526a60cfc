package dev.swarm.vector;

import java.util.List;

/** Word pairs that flip what a prompt asks for while leaving its embedding almost where it was. */
final class Opposites {
  static final List<List<String>> PAIRS = List.of(
      List.of("increase", "decrease"), List.of("increase", "lower"), List.of("increase", "reduce"),
      List.of("raise", "lower"), List.of("higher", "lower"), List.of("more", "less"),
      List.of("more", "fewer"), List.of("stronger", "weaker"), List.of("faster", "slower"),
      List.of("first", "last"), List.of("best", "worst"), List.of("largest", "smallest"),
      List.of("biggest", "smallest"), List.of("longest", "shortest"), List.of("oldest", "newest"),
      List.of("oldest", "youngest"), List.of("maximum", "minimum"), List.of("max", "min"),
      List.of("before", "after"), List.of("above", "below"), List.of("read", "write"),
      List.of("learn", "teach"), List.of("buy", "sell"), List.of("lend", "borrow"),
      List.of("send", "receive"), List.of("upload", "download"), List.of("import", "export"),
      List.of("encode", "decode"), List.of("encrypt", "decrypt"), List.of("compress", "decompress"),
      List.of("open", "close"), List.of("start", "stop"), List.of("add", "remove"),
      List.of("gain", "lose"), List.of("win", "lose"), List.of("push", "pull"),
      List.of("input", "output"), List.of("hot", "cold"), List.of("cheap", "expensive"),
      List.of("cheapest", "most"), List.of("positive", "negative"), List.of("pros", "cons"),
      List.of("advantages", "risks"), List.of("benefits", "risks"), List.of("benefits", "drawbacks"),
      List.of("causes", "consequences"), List.of("causes", "effects"), List.of("true", "false"),
      List.of("success", "failure"), List.of("succeed", "fail"), List.of("accept", "reject"),
      List.of("allow", "block"), List.of("include", "exclude"), List.of("inside", "outside"),
      List.of("uppercase", "lowercase"), List.of("ascending", "descending"), List.of("left", "right"),
      List.of("north", "south"), List.of("east", "west"), List.of("morning", "evening"),
      List.of("enable", "disable"), List.of("install", "uninstall"), List.of("create", "delete"), List.of("deactivate", "activate"),
      List.of("subscribe", "unsubscribe"), List.of("connect", "disconnect"), List.of("lock", "unlock"));

  private Opposites() {}
}
