package dev.swarm.examples.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the offline demo models say. It recognises the prompts the examples send (a plan request, a
 * research subtask, a synthesis, a judge's rubric, a revision, and the hybrid workload's task
 * families) and answers each deterministically in the shape a real model would.
 *
 * <p>The small model has the flaws small models are known for, on a fixed share of prompts: JSON
 * that does not parse and figures the prompt never gave. The examples' verifier and evaluator must
 * catch them, which is what the demo shows. The large model has neither flaw.
 */
public final class DemoResponder {
  private static final Pattern TASK_LINE = Pattern.compile("(?m)^Task:\\s*(.+)$");
  private static final Pattern SKILLS = Pattern.compile("Skills: \\[([^\\]]*)\\]");
  private static final String FINDING = "Finding. ";
  private static final Pattern QUOTED = Pattern.compile("[\"“']([^\"”']{3,200})[\"”']");

  /** The small model's answer. */
  public String small(String system, String user) {
    int hash = DemoChatModel.stableHash(user);
    String answer = answer(system, user);
    if (asksForJson(user) && Math.floorMod(hash, 4) == 0) {
      return answer.substring(0, Math.max(1, answer.length() - 2)); // truncated: the closing brace is lost
    }
    if (!asksForJson(user) && Math.floorMod(hash, 6) == 0) {
      return answer + " Studies show this holds in 87% of cases."; // a figure the prompt never gave
    }
    return answer;
  }

  /** The large model's answer. */
  public String large(String system, String user) {
    return answer(system, user);
  }

  private String answer(String system, String user) {
    String text = user.toLowerCase(Locale.ROOT);
    if (text.contains("split the task below into subtasks")) {
      return plan(user);
    }
    if ((system + text).toLowerCase(Locale.ROOT).contains("grade the answer to the task against the rubric")) {
      return grade(user);
    }
    if (text.contains("a reviewer found these problems")) {
      return revise(user);
    }
    if (text.contains("write the final answer to the task")) {
      return synthesise(user);
    }
    if (text.contains("subtask:")) {
      return research(user);
    }
    return workload(user, text);
  }

  private static String plan(String user) {
    String task = firstMatch(TASK_LINE, user).orElse("the task");
    String skill = firstMatch(SKILLS, user).map(s -> s.split(",")[0].strip()).filter(s -> !s.isEmpty()).orElse("research");
    String topic = task.replace("\"", "'");
    return """
        {"steps":[
          {"id":"s1","input":"Background and definitions for: %1$s","skill":"%2$s","dependsOn":[]},
          {"id":"s2","input":"Current state, key figures and main players in: %1$s","skill":"%2$s","dependsOn":[]},
          {"id":"s3","input":"Risks, limits and open questions of: %1$s","skill":"%2$s","dependsOn":[]},
          {"id":"s4","input":"Practical recommendations, building on the other findings, for: %1$s","skill":"%2$s","dependsOn":["s1","s2","s3"]}
        ]}""".formatted(topic, skill);
  }

  private static String research(String user) {
    String subtask = afterLabel(user, "Subtask:");
    String angle = subtask.toLowerCase(Locale.ROOT);
    String finding;
    if (angle.startsWith("background")) {
      finding = "Background: the question turns on a trade-off between cost, speed and reliability, and the terms"
          + " that matter are scope, owners and measurable outcomes.";
    } else if (angle.startsWith("current state")) {
      finding = "Current state: early adopters run pilots on narrow, well-measured workflows before widening the"
          + " scope.";
    } else if (angle.startsWith("risks")) {
      finding = "Risks: data leakage, unverifiable answers and vendor lock-in, each of which needs an owner and an"
          + " automated check.";
    } else {
      finding = "Recommendation: start with one routine workflow, send routine work to a small model, keep a large"
          + " model for hard cases, and evaluate every answer.";
    }
    return FINDING + finding;
  }

  private static String synthesise(String user) {
    String task = firstMatch(TASK_LINE, user).orElse("the task");
    List<String> findings = new ArrayList<>();
    for (String line : user.split("\n")) {
      String l = line.strip();
      if (l.startsWith("- " + FINDING)) {
        findings.add("- " + l.substring(2 + FINDING.length()));
      } else if (l.startsWith("[")) { // a step's result as the stock orchestrator aggregates them: "[s1] ..."
        findings.add("- " + firstSentence(l.substring(l.indexOf(']') + 1)));
      }
    }
    return "Answer to: " + task + "\n"
        + String.join("\n", findings.isEmpty() ? List.of("- No findings were available.") : findings);
  }

  private static String revise(String user) {
    String previous = afterLabel(user, "Your previous answer:");
    int cut = previous.indexOf("\n\nA reviewer found");
    String body = cut >= 0 ? previous.substring(0, cut) : previous;
    String revised = body.strip().replace(" Studies show this holds in 87% of cases.", "");
    return revised.startsWith("Answer to:")
        ? revised + "\nEach point above is drawn from the subtask findings kept in shared memory."
        : revised;
  }

  private static String grade(String user) {
    boolean cited = user.contains("drawn from the subtask findings kept in shared memory");
    return cited
        ? "{\"score\": 0.92, \"feedback\": \"\"}"
        : "{\"score\": 0.62, \"feedback\": \"Say where the points come from: tie them to the subtask findings in shared memory.\"}";
  }

  /** The hybrid workload's families, recognised by what the prompt asks for. */
  private static String workload(String user, String text) {
    String subject = firstMatch(QUOTED, user).orElse(firstSentence(user));
    if (asksForJson(user)) {
      String[] words = subject.split("\\s+");
      return "{\"subject\": \"" + subject.replace("\"", "'") + "\", \"words\": " + words.length
          + ", \"first\": \"" + words[0].replace("\"", "'") + "\"}";
    }
    if (text.contains("classify") || text.contains("sentiment") || text.contains("categor")) {
      return text.contains("not ") || text.contains("terrible") || text.contains("late") || text.contains("broken")
          ? "negative" : "positive";
    }
    if (text.contains("summar") || text.contains("tl;dr")) {
      return "Summary: " + firstSentence(subject);
    }
    if (text.contains("translate") || text.contains("rewrite") || text.contains("reformat") || text.contains("convert")) {
      return subject.toUpperCase(Locale.ROOT).charAt(0) + subject.substring(1) + ".";
    }
    if (text.contains("code") || text.contains("function") || text.contains("java") || text.contains("sql")) {
      return "```java\n// " + firstSentence(user) + "\nstatic String solve(String input) {\n  return input.strip();\n}\n```";
    }
    List<String> keywords = Arrays.stream(user.split("\\W+")).filter(w -> w.length() > 6).limit(4).toList();
    return "Considering " + String.join(", ", keywords) + ": " + firstSentence(user)
        + " The answer follows from weighing these points in order.";
  }

  private static boolean asksForJson(String user) {
    return user.contains("JSON") && !user.toLowerCase(Locale.ROOT).contains("split the task below");
  }

  private static String afterLabel(String text, String label) {
    int at = text.indexOf(label);
    if (at < 0) {
      return firstSentence(text);
    }
    String rest = text.substring(at + label.length()).strip();
    int end = rest.indexOf('\n');
    return label.equals("Your previous answer:") || end < 0 ? rest : rest.substring(0, end);
  }

  private static String firstSentence(String text) {
    String t = text.strip();
    Matcher m = Pattern.compile("^(.+?[.!?])(\\s|$)", Pattern.DOTALL).matcher(t);
    String sentence = m.find() ? m.group(1) : t;
    return sentence.length() > 240 ? sentence.substring(0, 240) : sentence;
  }

  private static java.util.Optional<String> firstMatch(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? java.util.Optional.of(m.group(1).strip()) : java.util.Optional.empty();
  }
}
