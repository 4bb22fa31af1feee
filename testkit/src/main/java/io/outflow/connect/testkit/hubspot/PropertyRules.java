package io.outflow.connect.testkit.hubspot;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Per-input checks of property values, which cause partial success (207) rather than a 400. HubSpot validates
 * values against each property's type; the fake knows only the types it is told ({@code dateProperties}
 * etc.) and that {@code email} holds an email address. An empty value clears the property and is not checked.
 */
final class PropertyRules {

    private static final long DAY_MS = 86_400_000L;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,19}");
    /** A plain decimal: HubSpot number properties take no exponent, no thousands separators. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final DateTimeFormatter TIME_OF_DAY =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final Set<String> dates;
    private final Set<String> datetimes;
    private final Set<String> numbers;

    PropertyRules(Set<String> dates, Set<String> datetimes, Set<String> numbers) {
        this.dates = Set.copyOf(dates);
        this.datetimes = Set.copyOf(datetimes);
        this.numbers = Set.copyOf(numbers);
    }

    /** Every problem of the input, the id checked as a value of its id property; empty when it may be applied. */
    List<PropertyError> check(UpsertInput input) {
        Map<String, String> values = new LinkedHashMap<>(input.properties());
        values.put(input.idProperty(), input.id()); // the id is what gets stored under the id property
        List<PropertyError> errors = new ArrayList<>();
        values.forEach((name, value) -> {
            if (!value.isEmpty()) {
                checkValue(name, value, errors);
            }
        });
        return errors;
    }

    private void checkValue(String name, String value, List<PropertyError> errors) {
        if (UniqueValues.EMAIL.equals(name) && !EMAIL.matcher(value).matches()) {
            errors.add(new PropertyError("INVALID_EMAIL", "Email address " + value + " is invalid", name));
        }
        if (dates.contains(name)) {
            checkDate(name, value, errors);
        }
        if (datetimes.contains(name) && parseLong(value) == null) {
            errors.add(new PropertyError("INVALID_DATETIME",
                    value + " is not a valid datetime: expected epoch milliseconds", name));
        }
        if (numbers.contains(name) && !DECIMAL.matcher(value).matches()) {
            errors.add(new PropertyError("INVALID_NUMBER", value + " was not a valid number.", name));
        }
    }

    /** HubSpot date properties take epoch milliseconds at midnight UTC and refuse any other time of day. */
    private static void checkDate(String name, String value, List<PropertyError> errors) {
        Long millis = parseLong(value);
        if (millis == null) {
            errors.add(new PropertyError("INVALID_DATE",
                    value + " is not a valid date: expected epoch milliseconds at midnight UTC", name));
        } else if (Math.floorMod(millis, DAY_MS) != 0) {
            errors.add(new PropertyError("INVALID_DATE",
                    value + " is at " + TIME_OF_DAY.format(Instant.ofEpochMilli(millis)) + " UTC, not midnight!", name));
        }
    }

    private static Long parseLong(String value) {
        if (!INTEGER.matcher(value).matches()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null; // 19 digits beyond Long.MAX_VALUE
        }
    }
}
