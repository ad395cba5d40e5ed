package io.execbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestParserTest {

    private static final String TWO = "GET /cheap HTTP/1.1~Host: a~Content-Length: 3~~abc"
            + "~HEAD /heavy?x=1 HTTP/1.0\nConnection: keep-alive\n\n";

    /** {@code ~} stands for CRLF, so that requests fit in CSV sources. */
    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.replace("~", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<Request> parseAll(RequestParser parser, ByteBuffer in) throws BadRequest {
        List<Request> requests = new ArrayList<>();
        Request request;
        while (in.hasRemaining() && (request = parser.parse(in)) != null) {
            requests.add(request);
        }
        return requests;
    }

    @Test
    void parsesPipelinedRequestsWithBodiesAndBareLineFeeds() throws BadRequest {
        assertThat(parseAll(new RequestParser(8192), bytes(TWO))).containsExactly(
                new Request("GET", "/cheap", true), new Request("HEAD", "/heavy", true));
    }

    @Test
    void parsesTheSameWhereverTheBytesAreSplit() throws BadRequest {
        byte[] all = bytes(TWO).array();
        for (int chunk = 1; chunk <= all.length; chunk++) {
            RequestParser parser = new RequestParser(8192);
            List<Request> requests = new ArrayList<>();
            for (int from = 0; from < all.length; from += chunk) {
                requests.addAll(parseAll(parser, ByteBuffer.wrap(all, from, Math.min(chunk, all.length - from))));
            }
            assertThat(requests).as("chunks of %d bytes", chunk).hasSize(2);
            assertThat(parser.isMidRequest()).isFalse();
        }
    }

    @Test
    void stopsAtTheEndOfOneRequestLeavingTheNextInTheBuffer() throws BadRequest {
        ByteBuffer in = bytes(TWO);
        assertThat(new RequestParser(8192).parse(in)).isEqualTo(new Request("GET", "/cheap", true));
        assertThat(in.remaining()).isEqualTo(bytes(TWO.substring(TWO.indexOf("abc") + 3)).remaining());
    }

    @ParameterizedTest(name = "{0} -> keepAlive {1}")
    @CsvSource({"'HTTP/1.1~Host: a', true", "'HTTP/1.1~Host: a~Connection: close', false",
            "'HTTP/1.0', false", "'HTTP/1.0~Connection: Keep-Alive', true",
            "'HTTP/1.1~Host: a~Connection: TE, close', false"})
    void decidesKeepAliveAsHttpSays(String versionAndHeaders, boolean keepAlive) throws BadRequest {
        Request request = new RequestParser(8192).parse(bytes("GET / " + versionAndHeaders + "~~"));
        assertThat(request.keepAlive()).isEqualTo(keepAlive);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "GARBAGE|400", "GET /cheap|400", "GET  /cheap HTTP/1.1|400", "PUT /cheap HTTP/1.1~Host: a|400",
            "GET cheap HTTP/1.1~Host: a|400", "GET /cheap HTTP/2.0~Host: a|400", "GET /cheap HTTP/1.1|400",
            "GET /cheap HTTP/1.1~Host: a~ folded|400", "GET /cheap HTTP/1.1~Host a|400",
            "GET /cheap HTTP/1.1~Host: a~Content-Length: -1|400",
            "GET /cheap HTTP/1.1~Host: a~Content-Length: 1~Content-Length: 2|400",
            "GET /cheap HTTP/1.1~Host: a~Content-Length: 99999999|413",
            "GET /cheap HTTP/1.1~Host: a~Transfer-Encoding: chunked|411"})
    void refusesWithTheRightStatus(String head, int status) {
        assertThatThrownBy(() -> new RequestParser(8192).parse(bytes(head + "~~")))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void refusesAHeadOverTheLimitBeforeItEnds() throws BadRequest {
        RequestParser parser = new RequestParser(256);
        assertThat(parser.parse(bytes("GET /cheap HTTP/1.1~X: " + "a".repeat(200)))).isNull();
        assertThat(parser.isMidRequest()).isTrue();
        assertThatThrownBy(() -> parser.parse(bytes("a".repeat(100))))
                .isInstanceOfSatisfying(BadRequest.class, e -> assertThat(e.status()).isEqualTo(431));
    }
}
