package io.outflow.connect.testkit.braze;

import java.util.List;

/**
 * One identifier of a /users/delete request.
 *
 * @param type           which list it came from
 * @param value          the external_id, braze_id, email or phone (null for an alias)
 * @param alias          the alias for {@link Type#USER_ALIASES}
 * @param prioritization for emails and phones: which profile to delete when several match
 */
record DeleteTarget(Type type, String value, UserAlias alias, List<String> prioritization) {

    /** The identifier lists of braze-docs {@code post_user_delete.md}. */
    enum Type {
        EXTERNAL_IDS("external_ids"),
        USER_ALIASES("user_aliases"),
        BRAZE_IDS("braze_ids"),
        EMAIL_ADDRESSES("email_addresses"),
        PHONE_NUMBERS("phone_numbers");

        private final String field;

        Type(String field) {
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    DeleteTarget {
        prioritization = List.copyOf(prioritization);
    }

    /** How {@link BrazeFake#deletedIds()} lists it: the value, or {@code label:name} for an alias. */
    String display() {
        return alias != null ? alias.toString() : value;
    }
}
