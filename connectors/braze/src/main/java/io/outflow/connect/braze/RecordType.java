package io.outflow.connect.braze;

/**
 * What one connector writes through {@code POST /users/track} ({@code braze.record.type}): each record becomes one
 * object of one of the request's three arrays (destinations.md, Braze: {@code attributes}, {@code events},
 * {@code purchases}).
 */
public enum RecordType {
    /** Profile upserts: each record's fields are the user's attributes. */
    ATTRIBUTES("attributes"),
    /** Custom events: name, time and properties. Braze never deduplicates them. */
    EVENTS("events"),
    /** Purchases: product id, currency, price, quantity, time and properties. Never deduplicated either. */
    PURCHASES("purchases");

    private final String array;

    RecordType(String array) {
        this.array = array;
    }

    /** The request's array these objects go in, and the {@code input_array} Braze names in its errors. */
    public String array() {
        return array;
    }

    /** Events and purchases are records of things that happened: every record is sent, none replaces another. */
    public boolean appends() {
        return this != ATTRIBUTES;
    }
}
