package io.outflow.connect.testkit.hubspot;

import java.util.List;

/**
 * A batch read: ids to look up (internal ids when {@code idProperty} is null) and the properties to return.
 * Unlike upsert, {@code idProperty} is a top-level field of the body (spec: BatchReadInputSimplePublicObjectId).
 */
record ReadRequest(String idProperty, List<String> ids, List<String> properties) {
}
