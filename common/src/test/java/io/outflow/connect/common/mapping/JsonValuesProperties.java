package io.outflow.connect.common.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outflow.connect.common.record.ConnectDataArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JsonValues on any value the mapping layer hands it (canonical values made JSON-ready): JSON that Jackson parses
 * back, strings exactly as they were, numbers never in exponent notation.
 */
class JsonValuesProperties {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    private static JsonNode roundTrip(Object value) throws IOException {
        byte[] json;
        try {
            json = JsonValues.encode(g -> JsonValues.write(g, value));
        } catch (RuntimeException e) {
            throw new AssertionError("cannot encode a " + (value == null ? "null" : value.getClass().getSimpleName())
                    + ": " + e, e);
        }
        return JACKSON.readTree(json);
    }

    @Provide
    Arbitrary<Object> jsonReady() {
        return ConnectDataArbitraries.canonicalValues(3).map(v -> ValueConverter.JSON.convert("f", v));
    }

    @Property
    void anyJsonReadyValueEncodesToJsonJacksonReadsBack(@ForAll("jsonReady") Object value) throws IOException {
        JsonNode parsed = roundTrip(value);
        if (value instanceof Map) {
            assertTrue(parsed.isObject());
        }
    }

    /** Any well-formed Unicode text, control characters included, arrives exactly as it was. */
    @Property
    void wellFormedStringsRoundTripExactly(@ForAll("unicode") String s) throws IOException {
        assertEquals(s, roundTrip(s).textValue());
        assertEquals(s, JACKSON.readTree(JsonValues.encodeString(s)).textValue());
    }

    @Provide
    Arbitrary<String> unicode() {
        return Arbitraries.oneOf(ConnectDataArbitraries.unicodeStrings(), Arbitraries.of(ConnectDataArbitraries.EDGE_STRINGS));
    }

    /**
     * Any Java string at all, lone surrogates included (a JSON record's "\ud800" escape decodes to one): encoded
     * to JSON Jackson reads back, never an exception.
     */
    @Property
    void anyUtf16StringEncodesWithoutAnException(@ForAll("utf16") String s) throws IOException {
        assertTrue(roundTrip(s).isTextual());
    }

    @Provide
    Arbitrary<String> utf16() {
        return ConnectDataArbitraries.anyUtf16Strings();
    }

    @Property
    void finiteDoublesAreWrittenPlainAndReadBackEqual(@ForAll double d) throws IOException {
        if (!Double.isFinite(d)) {
            return; // not canonical: CanonicalValues and field.types refuse NaN and infinities
        }
        String text = new String(JsonValues.encode(g -> JsonValues.write(g, d)), StandardCharsets.UTF_8);
        assertFalse(text.contains("E") || text.contains("e"), text);
        assertEquals(d, JACKSON.readTree(text).doubleValue(), 0.0);
    }

    /** BigDecimals of any size a record can carry once read (a Decimal schema, field.types decimal) are written plainly. */
    @Property
    void bigDecimalsOfAnyScaleAreWrittenPlainAndReadBackEqual(@ForAll("decimals") BigDecimal n) throws IOException {
        String text = new String(JsonValues.encode(g -> JsonValues.write(g, n)), StandardCharsets.UTF_8);
        assertFalse(text.contains("E") || text.contains("e"), () -> "exponent in " + text.length() + " chars");
        assertEquals(0, n.compareTo(new BigDecimal(text)));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return ConnectDataArbitraries.canonicalDecimals();
    }
}
