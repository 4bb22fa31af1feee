package io.outflow.connect.common.record;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * field.types on any canonical value: the declared type's value (a double always finite), or a RecordException
 * naming the field and not the value; never a parse or arithmetic exception.
 */
class FieldTypeProperties {
    private static final String FIELD = "declared";

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, ConnectDataArbitraries.canonicalValues(1)),
                Tuple.of(2, ConnectDataArbitraries.numberLikeStrings()),
                Tuple.of(2, ConnectDataArbitraries.dateLikeStrings()),
                Tuple.of(1, Arbitraries.of(ConnectDataArbitraries.EDGE_STRINGS)));
    }

    private static Class<?> javaType(FieldType type) {
        switch (type) {
            case STRING:
                return String.class;
            case BOOLEAN:
                return Boolean.class;
            case LONG:
                return Long.class;
            case DOUBLE:
                return Double.class;
            case DECIMAL:
                return BigDecimal.class;
            case DATE:
                return LocalDate.class;
            case TIME:
                return LocalTime.class;
            case TIMESTAMP:
            default:
                return Instant.class;
        }
    }

    @Property
    void anyValueBecomesTheDeclaredTypeOrIsRefusedNamingTheField(@ForAll FieldType type,
                                                                 @ForAll("values") Object value) {
        Object coerced;
        try {
            coerced = type.coerce(FIELD, value);
        } catch (RecordException e) {
            assertEquals(FIELD, e.field());
            if (value instanceof String && ((String) value).length() > 3) {
                assertFalse(e.getMessage().contains((String) value), "the reason never shows the value");
            }
            return;
        } catch (RuntimeException e) {
            throw new AssertionError(type + " threw " + e + " instead of a RecordException", e);
        }
        if (value == null) {
            assertEquals(null, coerced);
            return;
        }
        assertInstanceOf(javaType(type), coerced);
        assertTrue(ConnectDataArbitraries.isCanonical(coerced), () -> "not canonical: " + coerced);
    }

    /** A declared double is a number every destination can write: never NaN or infinite. */
    @Property
    void aDeclaredDoubleIsAlwaysFinite(@ForAll("numbers") Object value) {
        try {
            Object d = FieldType.DOUBLE.coerce(FIELD, value);
            assertTrue(Double.isFinite((Double) d), () -> value + " became " + d);
        } catch (RecordException refused) {
            assertEquals(FIELD, refused.field());
        }
    }

    @Provide
    Arbitrary<Object> numbers() {
        return Arbitraries.oneOf(ConnectDataArbitraries.canonicalNumbers(),
                ConnectDataArbitraries.numberLikeStrings().map(s -> (Object) s));
    }

    @Property
    void datesTimesAndTimestampsReadBackTheirOwnIsoText(@ForAll("dates") LocalDate date,
                                                       @ForAll("instants") Instant instant,
                                                       @ForAll("times") LocalTime time) {
        assertEquals(date, FieldType.DATE.coerce(FIELD, date.toString()));
        assertEquals(instant, FieldType.TIMESTAMP.coerce(FIELD, instant.toString()));
        assertEquals(time, FieldType.TIME.coerce(FIELD, time.toString()));
    }

    /** Years 1 to 9999: ISO-8601 without the expanded (signed, 5+ digit) year form. */
    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").toEpochMilli(),
                Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli()).map(Instant::ofEpochMilli);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return ConnectDataArbitraries.localTimes();
    }

    @Property
    void longsReadBackTheirOwnText(@ForAll long n) {
        assertEquals(n, FieldType.LONG.coerce(FIELD, Long.toString(n)));
        assertEquals(n, FieldType.LONG.coerce(FIELD, " " + n + " "));
    }
}
