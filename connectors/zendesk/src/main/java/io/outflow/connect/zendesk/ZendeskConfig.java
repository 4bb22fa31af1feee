package io.outflow.connect.zendesk;

import io.outflow.connect.common.config.CommonConfig;
import io.outflow.connect.common.config.ConfigGroup;
import io.outflow.connect.common.config.DestinationDefaults;
import io.outflow.connect.common.config.EnumSetting;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.config.SyncMode;
import io.outflow.connect.common.config.UrlValidator;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The Zendesk connector's own keys, added to the common ones with Zendesk's documented defaults. */
public final class ZendeskConfig {
    public static final String GROUP = "Zendesk";

    public static final String SUBDOMAIN_CONFIG = "zendesk.subdomain";
    private static final String SUBDOMAIN_DOC = "The account's subdomain: 'acme' for https://acme.zendesk.com. "
            + "Required unless zendesk.api.url is set.";

    public static final String API_URL_CONFIG = "zendesk.api.url";
    private static final String API_URL_DOC = "A base URL that replaces https://{zendesk.subdomain}.zendesk.com, "
            + "for a proxy or a test server. Empty uses the subdomain.";

    public static final String OBJECT_TYPE_CONFIG = "zendesk.object.type";
    private static final String OBJECT_TYPE_DOC = "What records are written to: 'users' (bulk upserts of up to 100 "
            + "users as background jobs, followed until they finish) or 'organizations' (one upsert per request).";

    public static final String MATCH_KEY_CONFIG = "zendesk.match.key";
    private static final String MATCH_KEY_DOC = "The Zendesk field records are matched on; its value is the record's "
            + "key (see key.source and key.field). 'external_id' (users and organizations) or 'email' (users only; "
            + "compared case-insensitively, and tombstones cannot delete by email).";

    public static final String AUTH_TYPE_CONFIG = "zendesk.auth.type";
    private static final String AUTH_TYPE_DOC = "How to authenticate: 'api_token' (Basic {zendesk.email}/token:"
            + "{zendesk.api.token}) or 'oauth' (zendesk.oauth.token as a Bearer token).";

    public static final String EMAIL_CONFIG = "zendesk.email";
    private static final String EMAIL_DOC = "The email of the agent or admin whose API token is used "
            + "(zendesk.auth.type=api_token).";

    public static final String API_TOKEN_CONFIG = "zendesk.api.token";
    private static final String API_TOKEN_DOC = "A Zendesk API token (zendesk.auth.type=api_token). Keep it out of "
            + "plain configuration: use a ConfigProvider such as "
            + "${file:/etc/outflow/secrets.properties:zendesk.api.token}.";

    public static final String OAUTH_TOKEN_CONFIG = "zendesk.oauth.token";
    private static final String OAUTH_TOKEN_DOC = "An OAuth access token (zendesk.auth.type=oauth), sent as a Bearer "
            + "token. The connector does not refresh it.";

    public static final String USER_STANDARD_FIELDS_CONFIG = "zendesk.user.standard.fields";
    private static final String USER_STANDARD_FIELDS_DOC = "Record fields (after field.mapping) written as top-level "
            + "user properties. Every other field becomes a custom user field in user_fields under its own name; a "
            + "Map field named user_fields is merged into them. A string 'organization' is sent as "
            + "{\"name\": ...}. The default is the writable properties of Zendesk's user object.";

    public static final String ORGANIZATION_STANDARD_FIELDS_CONFIG = "zendesk.organization.standard.fields";
    private static final String ORGANIZATION_STANDARD_FIELDS_DOC = "Record fields (after field.mapping) written as "
            + "top-level organization properties. Every other field becomes a custom organization field in "
            + "organization_fields; a Map field named organization_fields is merged into them. The default is the "
            + "writable properties of Zendesk's organization object.";

    public static final String JOB_POLL_MS_CONFIG = "zendesk.job.poll.ms";
    private static final String JOB_POLL_MS_DOC = "How long after queuing a job its status is first read; each "
            + "further read waits twice as long, up to zendesk.job.poll.max.ms. Every read counts against the rate "
            + "limit.";

    public static final String JOB_POLL_MAX_MS_CONFIG = "zendesk.job.poll.max.ms";
    private static final String JOB_POLL_MAX_MS_DOC = "The longest wait between two reads of a job's status.";

    public static final String JOB_QUEUE_RETRY_MS_CONFIG = "zendesk.job.queue.retry.ms";
    private static final String JOB_QUEUE_RETRY_MS_DOC = "How long to wait before queuing a job again after Zendesk "
            + "answered 429 because the account's job queue is full, when the answer has no Retry-After.";

    /** Zendesk's documented account-wide limit of jobs queued or running at once (support article 8050017386522). */
    public static final int ACCOUNT_JOB_LIMIT = 30;

    /** What records are written to. */
    public enum ObjectType {
        USERS, ORGANIZATIONS
    }

    /** The field records are matched on. */
    public enum MatchKey {
        EXTERNAL_ID, EMAIL;

        String field() {
            return EnumSetting.text(this);
        }
    }

    /** How authentication works. */
    public enum AuthType {
        API_TOKEN, OAUTH
    }

    /**
     * The writable properties of the spec's UserForAdmin (read-only ones such as id, url, created_at left out),
     * plus organization and identities from UserCreateInput. user_fields is the custom fields' container.
     */
    static final List<String> USER_STANDARD_FIELDS = List.of("name", "email", "external_id", "alias",
            "custom_role_id", "default_group_id", "details", "identities", "locale", "locale_id", "moderator", "notes",
            "only_private_comments", "organization", "organization_id", "phone", "photo", "remote_photo_url",
            "restricted_agent", "role", "shared_phone_number", "signature", "suspended", "tags", "ticket_restriction",
            "time_zone", "verified");

    /** The writable properties of the spec's OrganizationObject but id (we match on external_id). */
    static final List<String> ORGANIZATION_STANDARD_FIELDS = List.of("name", "external_id", "details",
            "domain_names", "group_id", "notes", "shared_comments", "shared_tickets", "tags");

    /** The default of max.in.flight.requests: 5 per task keeps up to 6 tasks within the 30-job account limit. */
    static final int DEFAULT_MAX_IN_FLIGHT = 5;

    /**
     * Zendesk's documented limits. At most 100 users per create_or_update_many and 100 ids per destroy_many (spec).
     * Rate: 200 requests per minute, the Team plan's figure (destinations.md gives no per-plan table; raise
     * rate.limit.requests to the plan's figure, e.g. 2500 with the High Volume add-on). The facts give no request
     * size or string length limits: 4 MB and 65,536 characters are ours and configurable.
     */
    static final DestinationDefaults DEFAULTS = DestinationDefaults.builder()
            .maxBatchRecords(100)
            .maxBatchBytes(4L * 1024 * 1024)
            .rateLimit(200, 60_000)
            .syncModes(SyncMode.UPSERT)
            .deletes(true)
            .maxStringLength(65_536)
            .maxInFlightRequests(DEFAULT_MAX_IN_FLIGHT)
            .build();

    private static final Pattern SUBDOMAIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");

    private ZendeskConfig() {
    }

    public static ConfigDef def() {
        ConfigDef def = new ConfigDef();
        EnumSetting<ObjectType> objectTypes = EnumSetting.of(ObjectType.class);
        EnumSetting<MatchKey> matchKeys = EnumSetting.of(MatchKey.class);
        EnumSetting<AuthType> authTypes = EnumSetting.of(AuthType.class);
        new ConfigGroup(def, GROUP)
                .define(SUBDOMAIN_CONFIG, Type.STRING, "", subdomainValidator(), Importance.HIGH, SUBDOMAIN_DOC,
                        "Subdomain")
                .define(API_URL_CONFIG, Type.STRING, "", new UrlValidator(true), Importance.LOW, API_URL_DOC,
                        "API URL")
                .define(OBJECT_TYPE_CONFIG, Type.STRING, EnumSetting.text(ObjectType.USERS), objectTypes,
                        Importance.HIGH, OBJECT_TYPE_DOC, "Object type", objectTypes)
                .define(MATCH_KEY_CONFIG, Type.STRING, EnumSetting.text(MatchKey.EXTERNAL_ID), matchKeys,
                        Importance.HIGH, MATCH_KEY_DOC, "Match key", matchKeys)
                .define(AUTH_TYPE_CONFIG, Type.STRING, EnumSetting.text(AuthType.API_TOKEN), authTypes,
                        Importance.HIGH, AUTH_TYPE_DOC, "Authentication", authTypes)
                .define(EMAIL_CONFIG, Type.STRING, "", null, Importance.HIGH, EMAIL_DOC, "Agent email")
                .define(API_TOKEN_CONFIG, Type.PASSWORD, null, null, Importance.HIGH, API_TOKEN_DOC, "API token")
                .define(OAUTH_TOKEN_CONFIG, Type.PASSWORD, null, null, Importance.MEDIUM, OAUTH_TOKEN_DOC,
                        "OAuth access token")
                .define(USER_STANDARD_FIELDS_CONFIG, Type.LIST, USER_STANDARD_FIELDS, null, Importance.LOW,
                        USER_STANDARD_FIELDS_DOC, "Standard user fields")
                .define(ORGANIZATION_STANDARD_FIELDS_CONFIG, Type.LIST, ORGANIZATION_STANDARD_FIELDS, null,
                        Importance.LOW, ORGANIZATION_STANDARD_FIELDS_DOC, "Standard organization fields")
                .define(JOB_POLL_MS_CONFIG, Type.LONG, 1000L, Range.between(10L, 600_000L), Importance.LOW,
                        JOB_POLL_MS_DOC, "Job poll interval (ms)")
                .define(JOB_POLL_MAX_MS_CONFIG, Type.LONG, 10_000L, Range.between(10L, 600_000L), Importance.LOW,
                        JOB_POLL_MAX_MS_DOC, "Job poll max interval (ms)")
                .define(JOB_QUEUE_RETRY_MS_CONFIG, Type.LONG, 5000L, Range.between(1L, 600_000L), Importance.LOW,
                        JOB_QUEUE_RETRY_MS_DOC, "Job queue full wait (ms)");
        return CommonConfig.define(def, DEFAULTS);
    }

    private static ConfigDef.Validator subdomainValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            String s = value == null ? "" : value.toString().trim();
            if (!s.isEmpty() && !SUBDOMAIN.matcher(s).matches()) {
                throw new ConfigException(name, value, "must be the subdomain only (letters, digits and -), e.g. "
                        + "'acme' for https://acme.zendesk.com");
            }
        }, () -> "a subdomain (letters, digits and -), or empty");
    }

    static ObjectType objectType(OutflowSinkConfig config) {
        return config.enumValue(OBJECT_TYPE_CONFIG, ObjectType.class);
    }

    static MatchKey matchKey(OutflowSinkConfig config) {
        return config.enumValue(MATCH_KEY_CONFIG, MatchKey.class);
    }

    static AuthType authType(OutflowSinkConfig config) {
        return config.enumValue(AUTH_TYPE_CONFIG, AuthType.class);
    }

    /** zendesk.api.url when set, else https://{subdomain}.zendesk.com; never with a trailing slash. */
    static String baseUrl(OutflowSinkConfig config) {
        String url = config.getString(API_URL_CONFIG).trim();
        if (url.isEmpty()) {
            url = "https://" + config.getString(SUBDOMAIN_CONFIG).trim() + ".zendesk.com";
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static Set<String> standardFields(OutflowSinkConfig config) {
        String key = objectType(config) == ObjectType.USERS ? USER_STANDARD_FIELDS_CONFIG
                : ORGANIZATION_STANDARD_FIELDS_CONFIG;
        Set<String> fields = new LinkedHashSet<>();
        config.getList(key).forEach(f -> fields.add(f.trim()));
        return fields;
    }

    static String email(OutflowSinkConfig config) {
        return config.getString(EMAIL_CONFIG).trim();
    }
}
