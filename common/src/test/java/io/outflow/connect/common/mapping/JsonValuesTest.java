package io.outflow.connect.common.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class JsonValuesTest {
    private static String json(Object value) {
        return new String(JsonValues.encode(g -> JsonValues.write(g, value)), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void bigDecimalsAreWrittenPlain() {
        assertEquals("1000", json(new BigDecimal("1E+3")));
        assertEquals("0.00000012", json(new BigDecimal("1.2E-7")));
        assertEquals("12.50", json(new BigDecimal("12.50")));
        assertEquals("123456789012345678901234567890", json(new BigDecimal("1.2345678901234567890123456789E+29")));
    }

    @Test
    void scalars() {
        assertEquals("null", json(null));
        assertEquals("\"a \\\"q\\\" \\n\"", json("a \"q\" \n"));
        assertEquals("true", json(true));
        assertEquals("42", json(42L));
        assertEquals("7", json(7));
        assertEquals("1.5", json(1.5d));
        assertEquals("0.25", json(0.25f));
    }

    @Test
    void bytesAreBase64() {
        assertEquals("\"AQID\"", json(new byte[]{1, 2, 3}));
    }

    @Test
    void otherTypesAreTheirStringForm() {
        assertEquals("\"2024-01-02\"", json(LocalDate.of(2024, 1, 2)));
        assertEquals("\"2024-01-02T03:04:05Z\"", json(Instant.parse("2024-01-02T03:04:05Z")));
    }

    @Test
    void nestedMapsAndListsInOrder() throws Exception {
        Object value = map("b", List.of(1L, map("x", new BigDecimal("1E+2")), Arrays.asList("s", null)),
                "a", map("deep", map("er", true)));
        String text = json(value);
        assertEquals("{\"b\":[1,{\"x\":100},[\"s\",null]],\"a\":{\"deep\":{\"er\":true}}}", text);
        JsonNode node = new ObjectMapper().readTree(text);
        assertEquals(100, node.path("b").path(1).path("x").asInt());
    }

    @Test
    void nonStringMapKeysAreWrittenAsText() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1, "one");
        assertEquals("{\"1\":\"one\"}", json(m));
    }

    @Test
    void writeFieldsWritesIntoTheCurrentObject() {
        byte[] out = JsonValues.encode(g -> {
            g.writeStartObject();
            g.writeStringField("key", "k");
            JsonValues.writeFields(g, map("n", new BigDecimal("5E+1"), "s", "v"));
            g.writeEndObject();
        });
        assertEquals("{\"key\":\"k\",\"n\":50,\"s\":\"v\"}", new String(out, StandardCharsets.UTF_8));
    }

    @Test
    void toJsonReadyConvertsJavaTimeToIsoStrings() {
        assertEquals("2024-01-02", JsonValues.toJsonReady("f", LocalDate.of(2024, 1, 2)));
        assertEquals("10:15:30", JsonValues.toJsonReady("f", LocalTime.of(10, 15, 30)));
        assertEquals("10:15:30.123", JsonValues.toJsonReady("f", LocalTime.of(10, 15, 30, 123_000_000)));
        assertEquals("2024-01-02T03:04:05.123Z", JsonValues.toJsonReady("f", Instant.parse("2024-01-02T03:04:05.123Z")));
    }

    @Test
    void toJsonReadyKeepsPlainJsonTypes() {
        BigDecimal d = new BigDecimal("1E+3");
        assertSame(d, JsonValues.toJsonReady("f", d));
        assertEquals("s", JsonValues.toJsonReady("f", "s"));
        assertEquals(true, JsonValues.toJsonReady("f", true));
        assertEquals(3L, JsonValues.toJsonReady("f", 3L));
        assertNull(JsonValues.toJsonReady("f", null));
    }

    @Test
    void toJsonReadyConvertsBytesAndContainersDeeply() {
        Object in = map("when", List.of(LocalDate.of(2024, 1, 2), map("raw", new byte[]{(byte) 0xff})),
                "n", 1L);
        Object expected = map("when", List.of("2024-01-02", map("raw", "/w==")), "n", 1L);
        assertEquals(expected, JsonValues.toJsonReady("f", in));
        assertEquals(expected, ValueConverter.JSON.convert("f", in));
    }

    @Test
    void toJsonReadyStringifiesMapKeysAndOtherTypes() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1, 'c');
        assertEquals(map("1", "c"), JsonValues.toJsonReady("f", m));
    }
}
