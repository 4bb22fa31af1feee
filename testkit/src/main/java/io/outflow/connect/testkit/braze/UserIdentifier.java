package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * Which profile a track object is about. "One of external_id, user_alias, braze_id, email, or phone is
 * required" (braze-docs {@code post_user_track.md}). The docs say only that email wins over phone; when an
 * object carries several, this fake picks in the order external_id, braze_id, user_alias, email, phone, and
 * the others are not used to find the profile (email and phone are still set as attributes).
 *
 * @param kind  which identifier
 * @param value its string value (null for an alias and for a push-token import)
 * @param alias the alias when {@code kind} is {@link Kind#USER_ALIAS}
 */
record UserIdentifier(Kind kind, String value, UserAlias alias) {

    enum Kind {
        EXTERNAL_ID("external_id"),
        BRAZE_ID("braze_id"),
        USER_ALIAS("user_alias"),
        EMAIL("email"),
        PHONE("phone"),
        /** No identifier, but {@code "push_token_import": true}: an anonymous profile (attributes only). */
        PUSH_TOKEN_IMPORT("push_token_import");

        private final String field;

        Kind(String field) {
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private static final Kind[] PRECEDENCE = {Kind.EXTERNAL_ID, Kind.BRAZE_ID, Kind.USER_ALIAS, Kind.EMAIL, Kind.PHONE};

    /** The first identifier present (JSON null counts as absent); a present but malformed one is an error. */
    static Check<UserIdentifier> of(ObjectNode object) {
        for (Kind kind : PRECEDENCE) {
            JsonNode node = object.get(kind.field());
            if (node == null || node.isNull()) {
                continue;
            }
            if (kind == Kind.USER_ALIAS) {
                Optional<UserAlias> alias = UserAlias.parse(node);
                return alias.map(a -> Check.ok(new UserIdentifier(kind, null, a)))
                        .orElseGet(() -> Check.fail(TrackErrors.notValid(kind.field())));
            }
            if (!node.isTextual() || node.textValue().isEmpty()) {
                return Check.fail(TrackErrors.notValid(kind.field()));
            }
            return Check.ok(new UserIdentifier(kind, node.textValue(), null));
        }
        // user_attributes_object.md: anonymous push-token imports carry no external_id or braze_id.
        if (object.path("push_token_import").asBoolean(false)) {
            return Check.ok(new UserIdentifier(Kind.PUSH_TOKEN_IMPORT, null, null));
        }
        return Check.fail(TrackErrors.MISSING_IDENTIFIER);
    }

    /**
     * {@code _update_existing_only}: "When using a user_alias, 'Update Only' defaults to true", otherwise false
     * (braze-docs {@code user_attributes_object.md}); a braze_id is assigned by Braze, so it never creates.
     */
    static Check<Boolean> updateOnly(ObjectNode object, Kind kind) {
        JsonNode flag = object.get("_update_existing_only");
        if (flag == null || flag.isNull()) {
            return Check.ok(kind == Kind.USER_ALIAS || kind == Kind.BRAZE_ID);
        }
        if (!flag.isBoolean()) {
            return Check.fail(TrackErrors.notValid("_update_existing_only"));
        }
        return Check.ok(flag.booleanValue() || kind == Kind.BRAZE_ID);
    }
}
