package vn.cantho.ioc.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import vn.cantho.ioc.model.json.Json;

/**
 * A test client that writes HTTP/1.1 requests byte for byte over a socket, for what ordinary clients refuse
 * to send: broken request lines, raw NUL or non-ASCII bytes in paths and headers, huge headers, a
 * Content-Length with no body behind it. It reads exactly one response (by its Content-Length or chunks),
 * so a server that answers at once is told from one that waits for the rest of the request.
 */
public final class RawHttp {

    private RawHttp() {}

    /** One response: status, headers (names in lower case) and body bytes. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A request with {@code Host}, {@code Connection: close} and, with a body, its {@code Content-Length}. The
     * request line and headers are written one byte per character (ISO-8859-1), so a test can send any byte.
     */
    public static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        headers.forEach(
                (name, value) -> out.writeBytes((name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        if (body != null
                && headers.keySet().stream()
                        .noneMatch(
                                h -> h.equalsIgnoreCase("Content-Length") || h.equalsIgnoreCase("Transfer-Encoding"))) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code request} to {@code 127.0.0.1:port} and reads one response.
     *
     * @throws AssertionError when no complete response arrives within {@code timeout}
     */
    public static Response send(int port, byte[] request, Duration timeout) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before taking all of a request it refuses; read that answer.
            }
            return read(socket.getInputStream());
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("no response within " + timeout, e);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head.isEmpty()) {
            throw new AssertionError("the server closed the connection without a response");
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = chunked(in);
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(in);
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                line(in);
                return body.toByteArray();
            }
            body.writeBytes(in.readNBytes(size));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /**
     * The answer every refused request must get on both HTTP ports: {@code status} (never a 5xx), a JSON body of
     * exactly {@code code} and a non-blank {@code message}, and a message that names no Java internals.
     */
    public static void assertJsonError(Response response, int status, String code, String says) {
        assertThat(response.status())
                .as("%s: %s", says, response.text())
                .isLessThan(500)
                .isEqualTo(status);
        assertThat(response.header("Content-Type")).as(says).startsWith("application/json");
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(says + ": the error body is not JSON: " + response.text(), e);
        }
        assertThat(body.size()).as("fields of %s", response.text()).isEqualTo(2);
        assertThat(body.path("code").asText()).as(response.text()).isEqualTo(code);
        assertThat(body.path("message").asText()).isNotBlank().doesNotContain("vn.cantho", "java.", "Exception");
    }

    /** UTF-8 bytes of {@code text}. */
    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code parts} one after the other, e.g. valid bytes around an invalid UTF-8 sequence. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
