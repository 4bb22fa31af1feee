package io.outflow.connect.common.destination;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpResultTest {
    private static HttpResult body(String text) {
        return new HttpResult(200, Map.of(), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void headersIgnoreCase() {
        HttpResult r = new HttpResult(200, Map.of("Content-Type", List.of("application/json"),
                "x-ratelimit-remaining", List.of("5", "6")), null);
        assertEquals("application/json", r.header("content-type"));
        assertEquals("application/json", r.header("CONTENT-TYPE"));
        assertEquals("5", r.header("X-RateLimit-Remaining"), "the first value");
        assertNull(r.header("Retry-After"));
        assertEquals(List.of("5", "6"), r.headers().get("X-RATELIMIT-REMAINING"));
    }

    @Test
    void valuesOfOneHeaderInSeveralCasesAreMerged() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Set-Cookie", List.of("a"));
        headers.put("set-cookie", List.of("b"));
        HttpResult r = new HttpResult(200, headers, null);
        assertEquals(List.of("a", "b"), r.headers().get("SET-COOKIE"));
        assertEquals("a", r.header("set-cookie"));
    }

    @Test
    void anEmptyValueListReadsAsAbsent() {
        assertNull(new HttpResult(200, Map.of("X", List.of()), null).header("x"));
    }

    @Test
    void headersAreReadOnly() {
        HttpResult r = new HttpResult(200, null, null);
        assertTrue(r.headers().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> r.headers().put("a", List.of("b")));
    }

    @Test
    void noBodyIsAnEmptyBody() {
        HttpResult r = new HttpResult(204, null, null);
        assertArrayEquals(new byte[0], r.body());
        assertEquals("", r.bodyText());
        assertTrue(r.json().isMissingNode());
    }

    @Test
    void jsonIsParsedOnce() {
        HttpResult r = body("{\"results\":[{\"index\":0}],\"msg\":\"h\u00e9\"}");
        assertEquals(0, r.json().path("results").path(0).path("index").asInt(-1));
        assertEquals("h\u00e9", r.json().path("msg").asText());
        assertSame(r.json(), r.json());
        assertEquals("{\"results\":[{\"index\":0}],\"msg\":\"h\u00e9\"}", r.bodyText());
    }

    @Test
    void nonJsonBodiesAreAMissingNodeAndNeverThrow() {
        for (String text : List.of("<html>502 Bad Gateway</html>", "{\"a\":", "not json", "   ", "\u0000\u0001")) {
            HttpResult r = body(text);
            assertTrue(r.json().isMissingNode(), text);
            assertTrue(r.json().path("error").isMissingNode(), text);
            assertEquals("", r.json().path("error").asText(""), text);
        }
        HttpResult invalidUtf8 = new HttpResult(500, Map.of(), new byte[]{'"', (byte) 0xC3, (byte) 0x28, '"'});
        assertTrue(invalidUtf8.json().isMissingNode() || invalidUtf8.json().isTextual());
    }

    @Test
    void successIsTwoHundreds() {
        assertTrue(new HttpResult(200, null, null).isSuccess());
        assertTrue(new HttpResult(299, null, null).isSuccess());
        assertFalse(new HttpResult(199, null, null).isSuccess());
        assertFalse(new HttpResult(300, null, null).isSuccess());
        assertFalse(new HttpResult(429, null, null).isSuccess());
        assertEquals(429, new HttpResult(429, null, null).status());
    }

    @Test
    void toStringShowsStatusAndContentTypeButNeverTheBody() {
        HttpResult r = new HttpResult(400, Map.of("Content-Type", List.of("Application/JSON")),
                "{\"email\":\"secret@example.com\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("HTTP 400 application/json", r.toString());
        assertEquals("HTTP 500", new HttpResult(500, null, null).toString());
    }
}
