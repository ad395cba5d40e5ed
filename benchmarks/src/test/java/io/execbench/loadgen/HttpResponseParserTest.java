package io.execbench.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.execbench.loadgen.HttpResponseParser.MalformedResponseException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpResponseParserTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";

    /** Feeds {@code text} in pieces of {@code chunk} bytes; returns "status" or "status close" per response. */
    private static List<String> parse(String text, int chunk) throws MalformedResponseException {
        HttpResponseParser parser = new HttpResponseParser();
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        List<String> responses = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += chunk) {
            ByteBuffer in = ByteBuffer.wrap(bytes, from, Math.min(chunk, bytes.length - from));
            while (in.hasRemaining()) {
                if (parser.parse(in)) {
                    responses.add(parser.status() + (parser.closeRequested() ? " close" : ""));
                    parser.reset();
                }
            }
        }
        return responses;
    }

    @Test
    void readsPipelinedResponsesWhateverTheChunking() throws Exception {
        String three = OK + "HTTP/1.1 503 Busy\r\ncontent-length: 4\r\n\r\nbusy" + "HTTP/1.1 204 No Content\r\n\r\n";
        for (int chunk : new int[] {1, 2, 7, 64, 4096}) {
            assertThat(parse(three, chunk)).as("chunk %d", chunk).containsExactly("200", "503", "204");
        }
    }

    @Test
    void seesThatTheServerWillClose() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n", 5))
                .containsExactly("200 close");
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 100)).containsExactly("200 close");
        assertThat(parse("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", 100))
                .containsExactly("200");
    }

    @Test
    void refusesWhatItCannotReadWithTheReason() {
        assertThatThrownBy(() -> parse("HTTP/2 200\r\n\r\n", 100)).hasMessageContaining("not an HTTP/1.x status line");
        assertThatThrownBy(() -> parse("SSH-2.0-OpenSSH\r\n", 100)).hasMessageContaining("status line");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", 100))
                .hasMessageContaining("Transfer-Encoding");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\n\r\n", 100)).hasMessageContaining("without Content-Length");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", 100))
                .hasMessageContaining("Content-Length");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 100))
                .hasMessageContaining("two different Content-Length");
        assertThatThrownBy(() -> parse("HTTP/1.1 100 Continue\r\n\r\n", 100)).hasMessageContaining("status 100");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", 100))
                .hasMessageContaining("without a name");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nX: " + "a".repeat(10_000) + "\r\n\r\n", 512))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> parse("HTTP/1.1 2\u00010 \u00ff\r\n", 100))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("\\x01");
    }
}
