package io.outflow.connect.common.mapping;

import io.outflow.connect.common.record.ConnectDataArbitraries;
import io.outflow.connect.common.record.RecordException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** StringLimiter on any text: within the limit unchanged; over it refused naming the field, or cut on a code point. */
class StringLimiterProperties {

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(ConnectDataArbitraries.strings(),
                ConnectDataArbitraries.unicodeStrings().list().ofMaxSize(40).map(l -> String.join("", l)));
    }

    @Property
    void rejectKeepsStringsWithinTheLimitAndRefusesLongerOnesNamingTheField(
            @ForAll("texts") String s, @ForAll @IntRange(min = 1, max = 300) int max) {
        StringLimiter limiter = new StringLimiter(max, StringOverflow.REJECT);
        int codePoints = s.codePointCount(0, s.length());
        if (codePoints <= max) {
            assertSame(s, limiter.apply("f", s));
        } else {
            RecordException e = assertThrows(RecordException.class, () -> limiter.apply("f", s));
            assertEquals("f", e.field());
            assertFalse(s.length() > 3 && e.getMessage().contains(s), "the reason never shows the value");
        }
    }

    @Property
    void truncateCutsOnACodePointBoundaryToExactlyTheLimit(@ForAll("texts") String s,
                                                          @ForAll @IntRange(min = 1, max = 300) int max) {
        String cut = (String) new StringLimiter(max, StringOverflow.TRUNCATE).apply("f", s);
        int codePoints = s.codePointCount(0, s.length());
        assertTrue(s.startsWith(cut));
        assertEquals(Math.min(codePoints, max), cut.codePointCount(0, cut.length()));
        if (!cut.isEmpty() && cut.length() < s.length()) {
            assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1))
                    && Character.isLowSurrogate(s.charAt(cut.length())), "never cut inside a surrogate pair");
        }
    }

    @Property
    void listsHaveEachStringLimitedAndOtherElementsUntouched(
            @ForAll("elements") List<Object> list, @ForAll @IntRange(min = 1, max = 50) int max) {
        Object out = new StringLimiter(max, StringOverflow.TRUNCATE).apply("f", list);
        List<?> limited = (List<?>) out;
        assertEquals(list.size(), limited.size());
        for (int i = 0; i < list.size(); i++) {
            Object in = list.get(i);
            if (in instanceof String) {
                String s = (String) limited.get(i);
                assertTrue(s.codePointCount(0, s.length()) <= max);
            } else {
                assertSame(in, limited.get(i));
            }
        }
    }

    @Provide
    Arbitrary<List<Object>> elements() {
        return ConnectDataArbitraries.canonicalValues(1).list().ofMaxSize(6);
    }
}
