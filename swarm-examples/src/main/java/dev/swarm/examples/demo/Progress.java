package dev.swarm.examples.demo;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows how far a batch has got: a redrawn bar on a terminal, plain lines otherwise (a log file or
 * a pipe gets one line per tenth, not a stream of carriage returns).
 */
public final class Progress {
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private final String label;
  private final int total;
  private final AtomicInteger done = new AtomicInteger();

  /** Progress of {@code total} steps named {@code label}, drawn as a bar when {@code terminal}. */
  public Progress(PrintWriter out, boolean terminal, String label, int total) {
    this.out = out;
    this.terminal = terminal;
    this.label = label;
    this.total = Math.max(1, total);
  }

  /** Records one finished step; safe to call from any thread. */
  public void step() {
    int now = done.incrementAndGet();
    synchronized (out) {
      if (terminal) {
        int filled = now * WIDTH / total;
        out.print("\r  " + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + now + "/" + total);
        if (now == total) {
          out.println();
        }
        out.flush();
      } else if (now == total || now % Math.max(1, total / 10) == 0) {
        out.println("  " + label + ": " + now + "/" + total + " done");
        out.flush();
      }
    }
  }
}
