package io.outflow.connect.braze;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Writes a record's key as the user identifier Braze expects, in /users/track objects and in /users/delete lists
 * (destinations.md, Braze appendix): {@code "external_id":k}, {@code "email":k} or
 * {@code "user_alias":{"alias_name":k,"alias_label":label}}; deletes take {@code external_ids} (strings),
 * {@code email_addresses} ({@code {"email":k,"prioritization":[..]}}) or {@code user_aliases} (alias objects).
 */
final class Identity {
    /**
     * Fields of a record value never sent as they are: the identifier comes from the key, and a second identifier
     * in the object would let Braze pick another profile than the key names (external_id wins over the others).
     */
    private static final Set<String> IDENTIFYING = Set.of("external_id", "user_alias", "braze_id",
            "_update_existing_only");

    private final Identifier identifier;
    private final String aliasLabel;
    private final List<String> emailPrioritization;

    Identity(Identifier identifier, String aliasLabel, List<String> emailPrioritization) {
        this.identifier = identifier;
        this.aliasLabel = aliasLabel;
        this.emailPrioritization = List.copyOf(emailPrioritization);
    }

    /** Whether a value field is left out of the object because the identifier is written from the key. */
    boolean isIdentifying(String field) {
        return IDENTIFYING.contains(field) || identifier == Identifier.EMAIL && "email".equals(field);
    }

    /** Writes the identifier field of a /users/track object. */
    void writeTrackIdentifier(JsonGenerator g, String key) throws IOException {
        switch (identifier) {
            case EMAIL:
                g.writeStringField("email", key);
                break;
            case USER_ALIAS:
                g.writeFieldName("user_alias");
                writeAlias(g, key);
                break;
            case EXTERNAL_ID:
            default:
                g.writeStringField("external_id", key);
                break;
        }
    }

    /** The /users/delete list this identifier goes in. */
    String deleteList() {
        switch (identifier) {
            case EMAIL:
                return "email_addresses";
            case USER_ALIAS:
                return "user_aliases";
            case EXTERNAL_ID:
            default:
                return "external_ids";
        }
    }

    /** Writes one entry of the /users/delete list. */
    void writeDeleteEntry(JsonGenerator g, String key) throws IOException {
        switch (identifier) {
            case EMAIL:
                // post_user_delete.md: an email needs a prioritization to pick one of the profiles sharing it.
                g.writeStartObject();
                g.writeStringField("email", key);
                g.writeArrayFieldStart("prioritization");
                for (String priority : emailPrioritization) {
                    g.writeString(priority);
                }
                g.writeEndArray();
                g.writeEndObject();
                break;
            case USER_ALIAS:
                writeAlias(g, key);
                break;
            case EXTERNAL_ID:
            default:
                g.writeString(key);
                break;
        }
    }

    private void writeAlias(JsonGenerator g, String name) throws IOException {
        g.writeStartObject();
        g.writeStringField("alias_name", name);
        g.writeStringField("alias_label", aliasLabel);
        g.writeEndObject();
    }
}
