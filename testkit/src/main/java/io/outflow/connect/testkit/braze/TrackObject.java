package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A track object that passed the checks that do not depend on stored data, ready to apply. Exactly one of
 * {@code event} and {@code purchase} is set for events and purchases; neither for attributes.
 */
record TrackObject(InputArray array, int index, ObjectNode object, UserIdentifier user, boolean updateOnly,
                   EventFields event, PurchaseFields purchase) {
}
