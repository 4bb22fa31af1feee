package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks every object of a batch on its own, without looking at stored profiles: identifier, fields and
 * attribute values (an attributes object is tried against an empty profile, which finds every problem except
 * the ones that depend on the stored value, such as incrementing a string). Objects are visited in
 * processing order (attributes, events, purchases), each array in input order.
 */
final class TrackValidator {

    /** The objects to apply and the errors of the others, both in processing order. */
    record Validation(List<TrackObject> valid, List<TrackError> errors) {
    }

    private TrackValidator() {
    }

    static Validation validate(TrackBatch batch, Instant now, BrazeSettings settings) {
        List<TrackObject> valid = new ArrayList<>();
        List<TrackError> errors = new ArrayList<>();
        for (InputArray array : InputArray.values()) {
            List<JsonNode> objects = batch.objects(array);
            for (int index = 0; index < objects.size(); index++) {
                Check<TrackObject> checked = check(array, index, objects.get(index), now, settings);
                if (checked.failed()) {
                    errors.add(TrackError.of(array, index, checked.error()));
                } else {
                    valid.add(checked.value());
                }
            }
        }
        return new Validation(valid, errors);
    }

    private static Check<TrackObject> check(InputArray array, int index, JsonNode node, Instant now,
                                            BrazeSettings settings) {
        if (!node.isObject()) {
            return Check.fail(TrackErrors.NOT_AN_OBJECT);
        }
        ObjectNode object = (ObjectNode) node;
        Check<UserIdentifier> user = UserIdentifier.of(object);
        if (user.failed()) {
            return Check.fail(user.error());
        }
        UserIdentifier.Kind kind = user.value().kind();
        if (kind == UserIdentifier.Kind.PUSH_TOKEN_IMPORT && array != InputArray.ATTRIBUTES) {
            return Check.fail(TrackErrors.MISSING_IDENTIFIER);
        }
        Check<Boolean> updateOnly = UserIdentifier.updateOnly(object, kind);
        if (updateOnly.failed()) {
            return Check.fail(updateOnly.error());
        }
        EventFields event = null;
        PurchaseFields purchase = null;
        switch (array) {
            case ATTRIBUTES -> {
                String error = attributesError(object, kind, settings);
                if (error != null) {
                    return Check.fail(error);
                }
            }
            case EVENTS -> {
                Check<EventFields> fields = EventFields.check(object, now);
                if (fields.failed()) {
                    return Check.fail(fields.error());
                }
                event = fields.value();
            }
            case PURCHASES -> {
                Check<PurchaseFields> fields = PurchaseFields.check(object, now);
                if (fields.failed()) {
                    return Check.fail(fields.error());
                }
                purchase = fields.value();
            }
        }
        return Check.ok(new TrackObject(array, index, object, user.value(), updateOnly.value(), event, purchase));
    }

    private static String attributesError(ObjectNode object, UserIdentifier.Kind kind, BrazeSettings settings) {
        // user_attributes_object.md: a push-token import "must contain a push token".
        if (kind == UserIdentifier.Kind.PUSH_TOKEN_IMPORT
                && (!object.path("push_tokens").isArray() || object.path("push_tokens").isEmpty())) {
            return TrackErrors.PUSH_TOKENS_REQUIRED;
        }
        return AttributeUpdate.apply(Json.object(), object, settings.maxArrayLength()).error();
    }
}
