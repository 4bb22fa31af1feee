package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Applies one attributes object to a profile's attributes, all or nothing (braze-docs
 * {@code _docs/_api/objects_filters/user_attributes_object.md}):
 * <ul>
 *   <li>{@code null} removes the attribute ("To remove a profile attribute, set it to null");</li>
 *   <li>{@code {"inc": n}} increments an integer attribute (absent counts as 0);</li>
 *   <li>{@code {"add": [..], "remove": [..]}} edits an array attribute: added values go to the end and an
 *       added value already present moves to the end; add runs before remove (the order Braze confirmed for
 *       array-of-objects operations, braze-docs issue #11289; silent for plain arrays);</li>
 *   <li>an array is stored with repeated values dropped ("only unique values are supported"); arrays of
 *       objects are kept as sent; {@code $add/$remove/$update} are not modelled and are stored as an object;</li>
 *   <li>any other value (nested objects included) is stored as sent; date strings are not parsed.</li>
 * </ul>
 * Custom attributes are checked: key and string values at most 255 characters ("Custom-attribute strings and
 * keys ≤255", also inside nested objects per {@code nested_custom_attribute_support.md}), arrays at most
 * {@code maxArrayLength} items ("defaults to 25", raisable per attribute; the docs are silent on what happens
 * beyond it, so here the whole object is an error). Braze profile fields are stored without these checks.
 */
final class AttributeUpdate {

    static final int MAX_LENGTH = 255;

    /** Keys that identify or steer, never stored as attributes. */
    private static final Set<String> NOT_ATTRIBUTES =
            Set.of("external_id", "user_alias", "braze_id", "_update_existing_only", "push_token_import");

    /** "Braze user profile fields" of user_attributes_object.md: stored as sent. */
    private static final Set<String> PROFILE_FIELDS = Set.of("alias_name", "alias_label", "country",
            "current_location", "date_of_first_session", "date_of_last_session", "dob", "email", "email_subscribe",
            "email_open_tracking_disabled", "email_click_tracking_disabled", "facebook", "first_name", "gender",
            "home_city", "language", "last_name", "marked_email_as_spam_at", "phone", "push_subscribe",
            "push_tokens", "subscription_groups", "time_zone", "twitter");

    private static final JsonNodeFactory NODES = Json.mapper().getNodeFactory();

    private AttributeUpdate() {
    }

    /** The attributes after the update, or why the object is rejected; {@code current} is not modified. */
    static Check<ObjectNode> apply(ObjectNode current, ObjectNode input, int maxArrayLength) {
        ObjectNode next = current.deepCopy();
        for (Map.Entry<String, JsonNode> field : input.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (NOT_ATTRIBUTES.contains(key)) {
                continue;
            }
            if (value.isNull()) {
                next.remove(key);
                continue;
            }
            if (PROFILE_FIELDS.contains(key)) {
                next.set(key, value.deepCopy());
                continue;
            }
            if (key.length() > MAX_LENGTH) {
                return Check.fail(TrackErrors.KEY_TOO_LONG);
            }
            Check<JsonNode> updated = customValue(key, value, next.get(key), maxArrayLength);
            if (updated.failed()) {
                return Check.fail(updated.error());
            }
            next.set(key, updated.value());
        }
        return Check.ok(next);
    }

    private static Check<JsonNode> customValue(String key, JsonNode value, JsonNode current, int maxArrayLength) {
        if (isOperation(value, Set.of("inc"))) {
            return increment(key, value.get("inc"), current);
        }
        if (isOperation(value, Set.of("add", "remove"))) {
            return editArray(key, value, current, maxArrayLength);
        }
        if (value.isArray()) {
            return checkArray(key, unique((ArrayNode) value), maxArrayLength);
        }
        if (value.isObject()) {
            return nestedOk(value) ? Check.ok(value.deepCopy()) : Check.fail(TrackErrors.tooLong(key));
        }
        if (value.isTextual() && value.textValue().length() > MAX_LENGTH) {
            return Check.fail(TrackErrors.tooLong(key));
        }
        return Check.ok(value.deepCopy());
    }

    /** An object whose keys are all operation names, e.g. {"inc": 1} or {"add": [..]}. */
    private static boolean isOperation(JsonNode value, Set<String> operations) {
        if (!value.isObject() || value.isEmpty()) {
            return false;
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            if (!operations.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static Check<JsonNode> increment(String key, JsonNode by, JsonNode current) {
        if (!by.isIntegralNumber()) {
            return Check.fail(TrackErrors.notValid(key));
        }
        if (current != null && !current.isIntegralNumber()) {
            return Check.fail(TrackErrors.notAnInteger(key));
        }
        long sum = (current == null ? 0 : current.longValue()) + by.longValue();
        // The narrowest node, as parsing the same JSON number would give: tests compare with Integer values.
        boolean fitsInt = sum >= Integer.MIN_VALUE && sum <= Integer.MAX_VALUE;
        return Check.ok(fitsInt ? NODES.numberNode((int) sum) : NODES.numberNode(sum));
    }

    private static Check<JsonNode> editArray(String key, JsonNode operation, JsonNode current, int maxArrayLength) {
        JsonNode add = operation.get("add");
        JsonNode remove = operation.get("remove");
        if ((add != null && !add.isArray()) || (remove != null && !remove.isArray())) {
            return Check.fail(TrackErrors.notValid(key));
        }
        if (current != null && !current.isArray()) {
            return Check.fail(TrackErrors.notAnArray(key));
        }
        ArrayNode result = current == null ? NODES.arrayNode() : (ArrayNode) current.deepCopy();
        if (add != null) {
            for (JsonNode item : add) {
                removeAll(result, item);
                result.add(item.deepCopy());
            }
        }
        if (remove != null) {
            for (JsonNode item : remove) {
                removeAll(result, item);
            }
        }
        return checkArray(key, result, maxArrayLength);
    }

    private static void removeAll(ArrayNode array, JsonNode item) {
        for (int i = array.size() - 1; i >= 0; i--) {
            if (array.get(i).equals(item)) {
                array.remove(i);
            }
        }
    }

    /** Repeated scalar values dropped, first occurrence kept; objects and arrays kept as sent. */
    private static ArrayNode unique(ArrayNode array) {
        ArrayNode result = NODES.arrayNode();
        for (JsonNode item : array) {
            boolean repeated = !item.isContainerNode() && contains(result, item);
            if (!repeated) {
                result.add(item.deepCopy());
            }
        }
        return result;
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode existing : array) {
            if (existing.equals(item)) {
                return true;
            }
        }
        return false;
    }

    private static Check<JsonNode> checkArray(String key, ArrayNode array, int maxArrayLength) {
        if (array.size() > maxArrayLength) {
            return Check.fail(TrackErrors.tooManyItems(key, maxArrayLength));
        }
        return nestedOk(array) ? Check.ok(array) : Check.fail(TrackErrors.tooLong(key));
    }

    /** Every key and string value inside, at any depth, is at most 255 characters. */
    private static boolean nestedOk(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().length() <= MAX_LENGTH;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().length() > MAX_LENGTH || !nestedOk(field.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!nestedOk(item)) {
                    return false;
                }
            }
        }
        return true;
    }
}
