package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of a batch request, with its position in the request (the {@code index} of its result). */
record BatchItem(int index, String key, ObjectNode fields) {
}
