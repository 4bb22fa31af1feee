package io.outflow.connect.testkit.hubspot;

import java.util.Locale;

/**
 * How property values are stored and compared. HubSpot stores email addresses lower-cased, so an email
 * matches whatever its case; every other value is kept and compared exactly.
 */
final class UniqueValues {

    static final String EMAIL = "email";

    private UniqueValues() {
    }

    /** The value as stored for {@code property}, which is also how lookups compare it. */
    static String stored(String property, String value) {
        return EMAIL.equals(property) ? value.toLowerCase(Locale.ROOT) : value;
    }
}
