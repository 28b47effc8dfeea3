package dev.lambdalocal.apigateway.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Bytes written straight to a socket, for requests no HTTP client would send. */
final class RawHttp {

  private RawHttp() {}

  /**
   * One HTTP/1.1 response as read off the socket.
   *
   * @param statusLine e.g. {@code HTTP/1.1 400 Bad Request}
   * @param status the status code
   * @param headers lower-case names to the last value
   * @param body the body as text
   */
  record Response(String statusLine, int status, Map<String, String> headers, String body) {}

  /**
   * Send {@code request} as ISO-8859-1 bytes to {@code 127.0.0.1:port}, close the sending half (so
   * a server waiting for more body sees the end of the stream rather than a slow client), then read
   * one response: its {@code Content-Length} bytes, or up to the end of the stream.
   */
  static Response exchange(int port, String request) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.shutdownOutput();
      } catch (SocketException e) {
        // The server may answer and close before it has read everything (a huge header): the
        // answer is still there to read.
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("exchange with 127.0.0.1:" + port, e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(
          line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).strip());
    }
    byte[] body;
    if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes();
    }
    String[] parts = statusLine.split(" ", 3);
    return new Response(
        statusLine, Integer.parseInt(parts[1]), headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed after: " + line.toString(StandardCharsets.UTF_8));
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }
}
