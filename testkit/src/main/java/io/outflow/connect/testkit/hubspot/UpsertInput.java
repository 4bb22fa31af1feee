package io.outflow.connect.testkit.hubspot;

import java.util.Map;

/**
 * One input of a batch upsert: the unique property it is matched on, the id as sent (errors quote it so in
 * {@code context.ids}) and the property values to write ("" clears a property).
 */
record UpsertInput(String idProperty, String id, Map<String, String> properties) {

    /** The id as stored and compared (lower-cased for email). */
    String key() {
        return UniqueValues.stored(idProperty, id);
    }

    /** What makes two inputs of one batch the same object. */
    String identity() {
        return idProperty + '\u0000' + key();
    }
}
