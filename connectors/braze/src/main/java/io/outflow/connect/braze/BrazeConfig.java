package io.outflow.connect.braze;

import io.outflow.connect.common.config.CommonConfig;
import io.outflow.connect.common.config.ConfigGroup;
import io.outflow.connect.common.config.DestinationDefaults;
import io.outflow.connect.common.config.EnumSetting;
import io.outflow.connect.common.config.NullValueBehavior;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.config.SyncMode;
import io.outflow.connect.common.config.UrlValidator;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The Braze connector's own keys, added to the common ones with Braze's documented defaults. */
public final class BrazeConfig {
    public static final String GROUP = "Braze";

    public static final String API_URL_CONFIG = "braze.api.url";
    private static final String API_URL_DOC = "Your Braze instance's REST endpoint, e.g. https://rest.iad-01.braze.com "
            + "(Braze shows it under Settings > APIs and Identifiers).";

    public static final String API_KEY_CONFIG = "braze.api.key";
    private static final String API_KEY_DOC = "A REST API key with the users.track permission (and users.delete when "
            + "tombstones delete users), sent as a Bearer token. Keep it out of plain configuration: use a "
            + "ConfigProvider such as ${file:/etc/outflow/secrets.properties:braze.api.key}.";

    public static final String RECORD_TYPE_CONFIG = "braze.record.type";
    private static final String RECORD_TYPE_DOC = "What each record becomes in /users/track: 'attributes' (a user "
            + "profile upsert, sync.mode=upsert or update), 'events' (a custom event: name, time, properties; "
            + "sync.mode=append) or 'purchases' (product_id, currency, price, quantity, time, properties; "
            + "sync.mode=append).";

    public static final String IDENTIFIER_CONFIG = "braze.identifier";
    private static final String IDENTIFIER_DOC = "Which user identifier the record key is: 'external_id', 'email', or "
            + "'user_alias' (the key is the alias name, braze.alias.label its label). One type for every record, "
            + "because a /users/delete request takes only one identifier type.";

    public static final String ALIAS_LABEL_CONFIG = "braze.alias.label";
    private static final String ALIAS_LABEL_DOC = "The alias_label of the user aliases records are keyed by, with "
            + "braze.identifier=user_alias.";

    public static final String EMAIL_PRIORITIZATION_CONFIG = "braze.delete.email.prioritization";
    private static final String EMAIL_PRIORITIZATION_DOC = "With braze.identifier=email, which profile a tombstone "
            + "deletes when several share the address: Braze's 'prioritization' list, from identified, "
            + "unidentified and most_recently_updated (not both identified and unidentified). The default prefers "
            + "the most recently updated profile that has an external_id, as /users/track does.";

    static final List<String> DEFAULT_EMAIL_PRIORITIZATION = List.of("identified", "most_recently_updated");
    private static final Set<String> PRIORITIES = Set.of("identified", "unidentified", "most_recently_updated");

    /** How many identifiers one /users/delete request takes (destinations.md, Braze: "≤50 IDs"). */
    static final int MAX_DELETE_IDENTIFIERS = 50;

    /**
     * Braze's documented limits (destinations.md, Braze, and "Five contract details" item 1): 75 objects in total
     * across the three arrays of a /users/track request (accounts on the MAU CY24-25 plan: 50, so batch.max.records
     * goes down to that); 3,000 requests per 3 s for /users/track; custom attribute strings and keys at most 255
     * characters. Braze documents no request size: batch.max.bytes keeps the engine's 4 MB, and a 413 would be
     * narrowed down like any refused batch.
     */
    static final DestinationDefaults DEFAULTS = DestinationDefaults.builder()
            .maxBatchRecords(75)
            .maxBatchBytes(4L * 1024 * 1024)
            .rateLimit(3000, 3000)
            .syncModes(SyncMode.UPSERT, SyncMode.UPDATE, SyncMode.APPEND)
            .deletes(true)
            .maxStringLength(255)
            .maxInFlightRequests(8)
            .build();

    private BrazeConfig() {
    }

    public static ConfigDef def() {
        ConfigDef def = new ConfigDef();
        EnumSetting<RecordType> recordTypes = EnumSetting.of(RecordType.class);
        EnumSetting<Identifier> identifiers = EnumSetting.of(Identifier.class);
        new ConfigGroup(def, GROUP)
                .defineRequired(API_URL_CONFIG, Type.STRING, new UrlValidator(false), Importance.HIGH, API_URL_DOC,
                        "REST endpoint")
                .define(API_KEY_CONFIG, Type.PASSWORD, null, null, Importance.HIGH, API_KEY_DOC, "REST API key")
                .define(RECORD_TYPE_CONFIG, Type.STRING, EnumSetting.text(RecordType.ATTRIBUTES), recordTypes,
                        Importance.HIGH, RECORD_TYPE_DOC, "Record type", recordTypes)
                .define(IDENTIFIER_CONFIG, Type.STRING, EnumSetting.text(Identifier.EXTERNAL_ID), identifiers,
                        Importance.HIGH, IDENTIFIER_DOC, "User identifier", identifiers)
                .define(ALIAS_LABEL_CONFIG, Type.STRING, "", null, Importance.MEDIUM, ALIAS_LABEL_DOC, "Alias label")
                .define(EMAIL_PRIORITIZATION_CONFIG, Type.LIST, String.join(",", DEFAULT_EMAIL_PRIORITIZATION),
                        prioritizationValidator(), Importance.LOW, EMAIL_PRIORITIZATION_DOC,
                        "Email delete prioritization");
        return CommonConfig.define(def, DEFAULTS);
    }

    private static ConfigDef.Validator prioritizationValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            @SuppressWarnings("unchecked")
            List<String> entries = value == null ? List.of() : (List<String>) value;
            if (entries.isEmpty()) {
                throw new ConfigException(name, value, "at least one of " + PRIORITIES + " is required");
            }
            for (String entry : entries) {
                if (!PRIORITIES.contains(entry.trim())) {
                    throw new ConfigException(name, entry, "must be one of " + PRIORITIES);
                }
            }
            if (entries.contains("identified") && entries.contains("unidentified")) {
                throw new ConfigException(name, value, "identified and unidentified exclude each other");
            }
        }, () -> "a list of " + String.join(", ", new java.util.TreeSet<>(PRIORITIES))
                + ", not both identified and unidentified");
    }

    static String apiUrl(OutflowSinkConfig config) {
        String url = config.getString(API_URL_CONFIG).trim();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static RecordType recordType(OutflowSinkConfig config) {
        return config.enumValue(RECORD_TYPE_CONFIG, RecordType.class);
    }

    static Identifier identifier(OutflowSinkConfig config) {
        return config.enumValue(IDENTIFIER_CONFIG, Identifier.class);
    }

    static Identity identity(OutflowSinkConfig config) {
        List<String> prioritization = config.getList(EMAIL_PRIORITIZATION_CONFIG).stream().map(String::trim).toList();
        return new Identity(identifier(config), config.getString(ALIAS_LABEL_CONFIG).trim(), prioritization);
    }

    /** Checks across keys, each error reported on the key to change. */
    static void validate(OutflowSinkConfig config, BiConsumer<String, String> error) {
        if (OutflowSinkConfig.secret(config.getPassword(API_KEY_CONFIG)) == null) {
            error.accept(API_KEY_CONFIG, "a REST API key is required");
        }
        if (identifier(config) == Identifier.USER_ALIAS && config.getString(ALIAS_LABEL_CONFIG).isBlank()) {
            error.accept(ALIAS_LABEL_CONFIG, "required when braze.identifier=user_alias");
        }
        RecordType type = recordType(config);
        SyncMode mode = config.syncMode();
        if (!type.appends() && mode == SyncMode.APPEND) {
            error.accept(CommonConfig.SYNC_MODE_CONFIG, "braze.record.type=attributes upserts user profiles: use "
                    + "sync.mode=upsert, or sync.mode=update to never create users");
        }
        if (type.appends() && mode != SyncMode.APPEND) {
            error.accept(CommonConfig.SYNC_MODE_CONFIG, "braze.record.type=" + type.array() + " records every "
                    + "record as it comes (Braze never deduplicates " + type.array() + "): set sync.mode=append"
                    + (mode == SyncMode.UPDATE ? "; update-only (_update_existing_only) applies to attributes" : ""));
            if (config.nullValueBehavior() == NullValueBehavior.DELETE) {
                // With sync.mode=append the engine's own check reports this already.
                error.accept(CommonConfig.BEHAVIOR_ON_NULL_VALUES_CONFIG, "Braze " + type.array()
                        + " cannot be deleted; use ignore or fail");
            }
        }
    }
}
