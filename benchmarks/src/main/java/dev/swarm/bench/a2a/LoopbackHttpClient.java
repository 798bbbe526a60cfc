package dev.swarm.bench.a2a;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that posts JSON-RPC bodies and waits for each answer, with
 * the calling thread doing the socket I/O itself on a blocking channel. A round trip then wakes
 * only the server's event loop and the caller, so the benchmark measures the servers rather than
 * hand-offs between client threads. Reads answers framed by {@code Content-Length} (swarm) or
 * chunked (what node may send). Not thread-safe: one connection per benchmark thread.
 */
final class LoopbackHttpClient implements AutoCloseable {
  private static final int MAX_RESPONSE_BYTES = 16 << 20;

  private final SocketChannel channel;
  /** The request line and fixed headers, up to the Content-Length value. */
  private final byte[] head;
  private ByteBuffer out = ByteBuffer.allocateDirect(4096);
  private byte[] in = new byte[16 * 1024];
  private ByteBuffer inView = ByteBuffer.wrap(in);
  /** Received bytes not consumed yet: {@code in[start, end)}. */
  private int start;
  private int end;

  LoopbackHttpClient(int port) throws IOException {
    this.channel = SocketChannel.open();
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    this.head = ("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
        + "Accept: application/json\r\nA2A-Version: 1.0\r\nConnection: keep-alive\r\nContent-Length: ")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Posts {@code body} to {@code /} and returns the response body.
   *
   * @throws IOException if the connection fails or the server answers other than 200
   */
  String post(String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    byte[] length = (bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    int size = head.length + length.length + bytes.length;
    if (out.capacity() < size) {
      out = ByteBuffer.allocateDirect(Integer.highestOneBit(size) << 1);
    }
    out.clear();
    out.put(head).put(length).put(bytes).flip();
    while (out.hasRemaining()) {
      channel.write(out);
    }
    return readResponse();
  }

  private String readResponse() throws IOException {
    int headerEnd = headerEnd();
    String headers = new String(in, start, headerEnd - start, StandardCharsets.ISO_8859_1);
    start = headerEnd + 4;
    int status = Integer.parseInt(headers, 9, 12, 10);
    long contentLength = -1;
    boolean chunked = false;
    for (String line : headers.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("content-length")) {
        contentLength = Long.parseLong(value);
      } else if (name.equals("transfer-encoding")) {
        chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
      }
    }
    String body;
    if (chunked) {
      body = chunkedBody();
    } else if (contentLength >= 0 && contentLength <= MAX_RESPONSE_BYTES) {
      body = take((int) contentLength);
    } else {
      throw new IOException("response has neither a usable Content-Length nor chunked encoding: " + headers);
    }
    if (status != 200) {
      throw new IOException("server answered " + status + ": " + body);
    }
    return body;
  }

  /** Reads until the blank line that ends the headers; returns its offset. */
  private int headerEnd() throws IOException {
    int checked = 0;
    while (true) {
      for (int i = start + checked; i + 3 < end; i++) {
        if (in[i] == '\r' && in[i + 1] == '\n' && in[i + 2] == '\r' && in[i + 3] == '\n') {
          return i;
        }
      }
      checked = Math.max(0, end - start - 3);
      fill(end - start + 1);
    }
  }

  private String chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int extension = sizeLine.indexOf(';');
      int size = Integer.parseInt((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
      if (size == 0) {
        while (!line().isEmpty()) {
          // Trailers carry nothing the benchmark needs.
        }
        return body.toString(StandardCharsets.UTF_8);
      }
      if (body.size() + size > MAX_RESPONSE_BYTES) {
        throw new IOException("chunked response exceeds " + MAX_RESPONSE_BYTES + " bytes");
      }
      await(size);
      body.write(in, start, size);
      start += size;
      if (!line().isEmpty()) {
        throw new IOException("chunk of " + size + " bytes not followed by CRLF");
      }
    }
  }

  /** One CRLF-terminated line, without the CRLF. */
  private String line() throws IOException {
    int checked = 0;
    while (true) {
      for (int i = start + checked; i + 1 < end; i++) {
        if (in[i] == '\r' && in[i + 1] == '\n') {
          String line = new String(in, start, i - start, StandardCharsets.ISO_8859_1);
          start = i + 2;
          return line;
        }
      }
      checked = Math.max(0, end - start - 1);
      fill(end - start + 1);
    }
  }

  /** The next {@code count} bytes as UTF-8 text. */
  private String take(int count) throws IOException {
    await(count);
    String text = new String(in, start, count, StandardCharsets.UTF_8);
    start += count;
    return text;
  }

  /** Reads until at least {@code count} bytes are unread. */
  private void await(int count) throws IOException {
    while (end - start < count) {
      fill(count);
    }
  }

  /** Reads once from the socket, first making room for {@code wanted} unread bytes. */
  private void fill(int wanted) throws IOException {
    if (end == in.length || in.length - start < wanted) {
      // Keep the unread bytes, at the front of the same array when they fit, else of a bigger one.
      byte[] target = in.length < wanted || start == 0
          ? new byte[Math.max(in.length * 2, Integer.highestOneBit(wanted) << 1)]
          : in;
      System.arraycopy(in, start, target, 0, end - start);
      end -= start;
      start = 0;
      if (target != in) {
        in = target;
        inView = ByteBuffer.wrap(in);
      }
    }
    inView.limit(in.length).position(end);
    int read = channel.read(inView);
    if (read < 0) {
      throw new EOFException("server closed the connection in the middle of a response");
    }
    end += read;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
