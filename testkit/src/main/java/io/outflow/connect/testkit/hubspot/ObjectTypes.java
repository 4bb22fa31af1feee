package io.outflow.connect.testkit.hubspot;

import java.util.Locale;
import java.util.Map;

/**
 * Names of object types: the path accepts a name or HubSpot's numeric type id for the standard objects
 * ("0-1" is contacts), stored under one name; messages name the type in singular upper case ("CONTACT").
 */
final class ObjectTypes {

    private static final Map<String, String> BY_TYPE_ID = Map.of(
            "0-1", "contacts", "0-2", "companies", "0-3", "deals", "0-5", "tickets");

    private static final Map<String, String> LABELS = Map.of(
            "contacts", "CONTACT", "companies", "COMPANY", "deals", "DEAL", "tickets", "TICKET",
            "products", "PRODUCT", "line_items", "LINE_ITEM", "quotes", "QUOTE");

    private ObjectTypes() {
    }

    static String canonical(String objectType) {
        return BY_TYPE_ID.getOrDefault(objectType, objectType);
    }

    /** As in "Could not get some CONTACT objects ..."; custom types are named by their type as given. */
    static String label(String objectType) {
        return LABELS.getOrDefault(objectType, objectType.toUpperCase(Locale.ROOT));
    }
}
