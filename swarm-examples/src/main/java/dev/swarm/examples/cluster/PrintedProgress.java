package dev.swarm.examples.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.URI;

/** {@link Progress#printing}: one flushed line per event, text or JSON. */
final class PrintedProgress implements Progress {
  static final String EVENT = "event";
  static final String LISTENING = "LISTENING ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;
  private final boolean json;

  PrintedProgress(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  @Override
  public void listening(int port) {
    line(LISTENING + port);
  }

  @Override
  public void joined(String worker, URI cardUrl) {
    line(json ? event("joined").put("worker", worker).put("cardUrl", cardUrl.toString()).toString()
        : "joined: " + worker + " at " + cardUrl);
  }

  @Override
  public void left(String worker, String reason) {
    line(json ? event("left").put("worker", worker).put("reason", reason).toString()
        : "left: " + worker + " (" + reason + "); its running tasks are re-dispatched");
  }

  @Override
  public void done(int done, int total, ClusterReport.TaskLine task) {
    if (json) {
      ObjectNode node = event("done").put("done", done).put("total", total);
      node.set("task", JSON.valueToTree(task));
      line(node.toString());
    } else {
      line(String.format("[%d/%d] %s %s on %s%s", done, total, task.status(), task.id(), task.worker(),
          task.redispatched() ? " (re-dispatched: " + task.attempts() + ")" : ""));
    }
  }

  @Override
  public void killed(String worker, int done) {
    line(json ? event("killed").put("worker", worker).put("done", done).toString()
        : "killed: " + worker + " after " + done + " tasks ended");
  }

  @Override
  public void report(ClusterReport report) {
    if (json) {
      ObjectNode node = event("report");
      node.set("report", JSON.valueToTree(report));
      line(node.toString());
    } else {
      line(report.toText().stripTrailing());
    }
  }

  private ObjectNode event(String name) {
    return JSON.createObjectNode().put(EVENT, name);
  }

  private synchronized void line(String text) {
    out.println(text);
    out.flush();
  }
}
