package io.outflow.connect.zendesk;

import io.outflow.connect.common.mapping.JsonValues;
import io.outflow.connect.common.mapping.ValueConverter;
import io.outflow.connect.common.record.RecordException;
import io.outflow.connect.common.record.TypeNames;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values as Zendesk's JSON takes them. Scalars stay JSON scalars (numbers never in exponent notation); dates are
 * ISO-8601 dates (yyyy-MM-dd) and timestamps ISO-8601 instants, since the spec types date fields as strings
 * without a format and the facts say no more; lists of scalars stay arrays (tags, domain_names, multi-select
 * fields); null clears a field. Objects are refused except where Zendesk takes one: the custom-fields container
 * (each of its values follows the scalar rules), {@code organization} and {@code photo}; {@code identities} is a
 * list of objects. Bytes have no Zendesk field type and are refused.
 */
final class ZendeskValues implements ValueConverter {
    static final String USER_FIELDS = "user_fields";
    static final String ORGANIZATION_FIELDS = "organization_fields";
    private static final Set<String> CONTAINERS = Set.of(USER_FIELDS, ORGANIZATION_FIELDS);
    private static final Set<String> OBJECTS = Set.of("organization", "photo");
    private static final String LIST_OF_OBJECTS = "identities";

    static final ZendeskValues INSTANCE = new ZendeskValues();

    @Override
    public Object convert(String field, Object value) {
        if (value instanceof Map) {
            if (CONTAINERS.contains(field)) {
                return customFields(field, (Map<?, ?>) value);
            }
            if (OBJECTS.contains(field)) {
                return JsonValues.toJsonReady(field, value);
            }
            throw new RecordException(field, "a Map cannot be a Zendesk field value; flatten it first (e.g. with the "
                    + "Flatten transform), or send custom fields as a Map named user_fields or organization_fields");
        }
        if (CONTAINERS.contains(field) && value != null) {
            throw new RecordException(field, "must be a Map of custom field keys to values");
        }
        if (value instanceof List) {
            return LIST_OF_OBJECTS.equals(field) ? JsonValues.toJsonReady(field, value) : list(field, (List<?>) value);
        }
        return scalar(field, value);
    }

    private static Map<String, Object> customFields(String field, Map<?, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String name = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value instanceof Map) {
                throw new RecordException(field + "." + name, "a custom field value cannot be a Map");
            }
            out.put(name, value instanceof List ? list(field + "." + name, (List<?>) value)
                    : scalar(field + "." + name, value));
        }
        return out;
    }

    private static List<Object> list(String field, List<?> values) {
        List<Object> out = new ArrayList<>(values.size());
        for (Object element : values) {
            if (element instanceof List || element instanceof Map) {
                throw new RecordException(field, "a list of " + TypeNames.of(element)
                        + " cannot be a Zendesk field value");
            }
            out.add(scalar(field, element));
        }
        return out;
    }

    static Object scalar(String field, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number) {
            return new BigDecimal(value.toString()); // exact for any other Number; canonical values never get here
        }
        if (value instanceof LocalDate || value instanceof Instant || value instanceof LocalTime) {
            return value.toString();
        }
        throw new RecordException(field, "a value of type " + TypeNames.of(value) + " cannot be a Zendesk field value");
    }
}
