package io.outflow.connect.braze;

import java.util.Map;

/**
 * Turns a record's mapped fields into the content of one /users/track object, written after its identifier.
 * One implementation per {@link RecordType}.
 */
interface TrackContent {
    /**
     * @param fields the record's destination fields, mapped and converted, names within Braze's limit
     * @return the object's fields in the order they are written
     * @throws io.outflow.connect.common.record.RecordException when the record cannot be such an object
     */
    Map<String, Object> content(Map<String, Object> fields);
}
