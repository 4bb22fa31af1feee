package io.outflow.connect.common.record;

import java.math.BigDecimal;

/**
 * Keeps decimals within what a JSON request can carry: written plain (no exponent), a number of more than a
 * thousand digits is refused by JSON parsers (Jackson's default limit is 1,000), and an extreme scale would need
 * millions of digits. Checked from precision and scale, without building the string.
 */
public final class Decimals {
    /** The most digits a decimal may have when written out plainly. */
    public static final int MAX_PLAIN_DIGITS = 1000;

    private Decimals() {
    }

    /** The decimal, or a refusal naming the field when it would be too long written plainly. */
    public static BigDecimal checked(String field, BigDecimal value) {
        long precision = value.precision();
        long scale = value.scale();
        long digits = Math.max(precision, Math.max(precision - scale, scale + 1));
        if (digits > MAX_PLAIN_DIGITS) {
            throw new RecordException(field, "the number has more than " + MAX_PLAIN_DIGITS
                    + " digits when written out, more than a JSON request can carry");
        }
        return value;
    }

    /** A double of the decimal, or a refusal naming the field when it is beyond a double's range. */
    public static double finiteDouble(String field, Number value) {
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new RecordException(field, "the number is beyond the range of a double");
        }
        return d;
    }
}
