package io.outflow.connect.braze;

/**
 * Which identifier a record's key is ({@code braze.identifier}). Every /users/track object needs one of
 * external_id, user_alias, braze_id, email or phone, and a /users/delete request takes one identifier type only
 * (destinations.md, Braze), so a connector uses one of these for every record.
 */
public enum Identifier {
    /** The key is the user's {@code external_id}. */
    EXTERNAL_ID,
    /** The key is the user's email address. */
    EMAIL,
    /** The key is the {@code alias_name} of a user alias whose label is {@code braze.alias.label}. */
    USER_ALIAS
}
