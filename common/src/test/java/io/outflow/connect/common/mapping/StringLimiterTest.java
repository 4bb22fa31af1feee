package io.outflow.connect.common.mapping;

import io.outflow.connect.common.record.RecordException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StringLimiterTest {
    private static final String GRIN = "\uD83D\uDE00"; // one code point, two chars

    private final StringLimiter truncate = new StringLimiter(3, StringOverflow.TRUNCATE);
    private final StringLimiter reject = new StringLimiter(3, StringOverflow.REJECT);

    @Test
    void stringsWithinTheLimitPassUnchanged() {
        String s = "abc";
        assertSame(s, truncate.apply("f", s));
        assertSame(s, reject.apply("f", s));
        assertEquals("", reject.apply("f", ""));
    }

    @Test
    void truncateCutsToTheLimit() {
        assertEquals("abc", truncate.apply("f", "abcdef"));
    }

    @Test
    void rejectRefusesNamingFieldAndLengthsButNotTheValue() {
        RecordException e = assertThrows(RecordException.class, () -> reject.apply("bio", "abcdef"));
        assertEquals("bio", e.field());
        assertTrue(e.reason().contains("6"), e.getMessage());
        assertTrue(e.reason().contains("3"), e.getMessage());
        assertTrue(e.reason().contains("string.overflow=reject"), e.getMessage());
        assertFalse(e.getMessage().contains("abcdef"), e.getMessage());
    }

    @Test
    void lengthIsCountedInCodePoints() {
        String three = GRIN + GRIN + GRIN; // six chars
        assertSame(three, reject.apply("f", three));
        assertSame(three, truncate.apply("f", three));
        RecordException e = assertThrows(RecordException.class, () -> reject.apply("f", three + "x"));
        assertTrue(e.reason().contains("has 4 characters"), e.getMessage());
    }

    @Test
    void truncationNeverCutsASurrogatePair() {
        assertEquals("ab" + GRIN, truncate.apply("f", "ab" + GRIN + "cd"));
        assertEquals(GRIN + GRIN + GRIN, truncate.apply("f", GRIN + GRIN + GRIN + GRIN));
        assertEquals(GRIN, new StringLimiter(1, StringOverflow.TRUNCATE).apply("f", GRIN + "x"));
        assertEquals("a", new StringLimiter(1, StringOverflow.TRUNCATE).apply("f", "a" + GRIN));
    }

    @Test
    void listsOfStringsAreLimitedElementByElement() {
        List<Object> in = Arrays.asList("abcdef", 5L, "ok", null, "xyzw" + GRIN);
        assertEquals(Arrays.asList("abc", 5L, "ok", null, "xyz"), truncate.apply("tags", in));
        assertEquals("abcdef", in.get(0), "the input list is not modified");
    }

    @Test
    void aListWithinTheLimitIsReturnedAsItIs() {
        List<String> in = List.of("a", "bb", "ccc");
        assertSame(in, truncate.apply("tags", in));
    }

    @Test
    void aTooLongStringInAListIsRejected() {
        RecordException e = assertThrows(RecordException.class,
                () -> reject.apply("tags", List.of("ok", "too long")));
        assertEquals("tags", e.field());
        assertFalse(e.getMessage().contains("too long"), e.getMessage());
    }

    @Test
    void otherValuesPassUnchanged() {
        Map<String, Object> map = Map.of("k", "a very long string");
        assertSame(map, reject.apply("f", map));
        assertEquals(123456789L, reject.apply("f", 123456789L));
        assertEquals(null, reject.apply("f", null));
    }

    @Test
    void unlimitedTakesAnything() {
        String s = "x".repeat(100_000);
        assertSame(s, StringLimiter.unlimited().apply("f", s));
        assertEquals(Integer.MAX_VALUE, StringLimiter.unlimited().maxLength());
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new StringLimiter(0, StringOverflow.TRUNCATE));
        assertEquals(3, truncate.maxLength());
    }
}
