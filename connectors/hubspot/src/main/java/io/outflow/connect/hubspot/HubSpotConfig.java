package io.outflow.connect.hubspot;

import io.outflow.connect.common.config.CommonConfig;
import io.outflow.connect.common.config.ConfigGroup;
import io.outflow.connect.common.config.DestinationDefaults;
import io.outflow.connect.common.config.EnumSetting;
import io.outflow.connect.common.config.OutflowSinkConfig;
import io.outflow.connect.common.config.SyncMode;
import io.outflow.connect.common.config.UrlValidator;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The HubSpot connector's own keys, added to the common ones with HubSpot's documented defaults. */
public final class HubSpotConfig {
    public static final String GROUP = "HubSpot";

    public static final String API_URL_CONFIG = "hubspot.api.url";
    private static final String API_URL_DOC = "HubSpot's API base URL. Change it only for a proxy or a test server.";
    public static final String DEFAULT_API_URL = "https://api.hubapi.com";

    public static final String OBJECT_TYPE_CONFIG = "hubspot.object.type";
    private static final String OBJECT_TYPE_DOC = "The CRM object type records are written to: contacts, companies, "
            + "deals, tickets, a custom object's name, or an object type id such as 2-3508482.";

    public static final String ID_PROPERTY_CONFIG = "hubspot.id.property";
    private static final String ID_PROPERTY_DOC = "The unique property records are matched on (HubSpot's idProperty), "
            + "e.g. email for contacts or a custom unique property such as external_id. Its value is the record's key "
            + "(see key.source and key.field). Emails are compared case-insensitively, as HubSpot does.";

    public static final String AUTH_TYPE_CONFIG = "hubspot.auth.type";
    private static final String AUTH_TYPE_DOC = "How to authenticate: 'private_app' with hubspot.access.token, or "
            + "'oauth' with a refresh token (hubspot.oauth.*); OAuth access tokens are refreshed before they expire.";

    public static final String ACCESS_TOKEN_CONFIG = "hubspot.access.token";
    private static final String ACCESS_TOKEN_DOC = "A private app's access token (sent as a Bearer token). Keep it out "
            + "of plain configuration: use a ConfigProvider such as ${file:/etc/outflow/secrets.properties:hubspot.token}.";

    public static final String OAUTH_CLIENT_ID_CONFIG = "hubspot.oauth.client.id";
    private static final String OAUTH_CLIENT_ID_DOC = "The OAuth app's client id.";

    public static final String OAUTH_CLIENT_SECRET_CONFIG = "hubspot.oauth.client.secret";
    private static final String OAUTH_CLIENT_SECRET_DOC = "The OAuth app's client secret.";

    public static final String OAUTH_REFRESH_TOKEN_CONFIG = "hubspot.oauth.refresh.token";
    private static final String OAUTH_REFRESH_TOKEN_DOC = "The refresh token of the installation to write to.";

    public static final String OAUTH_TOKEN_URL_CONFIG = "hubspot.oauth.token.url";
    private static final String OAUTH_TOKEN_URL_DOC = "HubSpot's OAuth token endpoint.";
    public static final String DEFAULT_TOKEN_URL = "https://api.hubapi.com/oauth/v1/token";

    public static final String DAILY_LIMIT_PROBE_MS_CONFIG = "hubspot.daily.limit.probe.ms";
    private static final String DAILY_LIMIT_PROBE_MS_DOC = "When HubSpot answers that the daily request limit is used "
            + "up, deliveries pause (nothing is dead-lettered) and one request probes again after this long.";

    /** How authentication works. */
    public enum AuthType {
        PRIVATE_APP, OAUTH
    }

    private static final Pattern OBJECT_TYPE = Pattern.compile("[A-Za-z0-9_-]+");

    /**
     * HubSpot's documented limits. Batch inputs: 100, seen in community code only (the spec gives no maxItems), so
     * batch.max.records can lower it. Rate: 100 requests per 10 s per app on Free/Starter (usage guidelines); raise
     * rate.limit.requests to 190 or 250 on higher tiers. String values: the spec types property values as strings
     * without a length; HubSpot's property documentation gives 65,536 characters, so that is the default.
     */
    static final DestinationDefaults DEFAULTS = DestinationDefaults.builder()
            .maxBatchRecords(100)
            .maxBatchBytes(4L * 1024 * 1024)
            .rateLimit(100, 10_000)
            .syncModes(SyncMode.UPSERT)
            .deletes(true)
            .maxStringLength(65_536)
            .maxInFlightRequests(8)
            .build();

    private HubSpotConfig() {
    }

    public static ConfigDef def() {
        ConfigDef def = new ConfigDef();
        EnumSetting<AuthType> authTypes = EnumSetting.of(AuthType.class);
        new ConfigGroup(def, GROUP)
                .define(API_URL_CONFIG, Type.STRING, DEFAULT_API_URL, new UrlValidator(false), Importance.MEDIUM,
                        API_URL_DOC, "API URL")
                .define(OBJECT_TYPE_CONFIG, Type.STRING, "contacts", objectTypeValidator(), Importance.HIGH,
                        OBJECT_TYPE_DOC, "Object type")
                .define(ID_PROPERTY_CONFIG, Type.STRING, "email", new ConfigDef.NonEmptyString(), Importance.HIGH,
                        ID_PROPERTY_DOC, "Unique property (idProperty)")
                .define(AUTH_TYPE_CONFIG, Type.STRING, EnumSetting.text(AuthType.PRIVATE_APP), authTypes,
                        Importance.HIGH, AUTH_TYPE_DOC, "Authentication", authTypes)
                .define(ACCESS_TOKEN_CONFIG, Type.PASSWORD, null, null, Importance.HIGH, ACCESS_TOKEN_DOC,
                        "Private app access token")
                .define(OAUTH_CLIENT_ID_CONFIG, Type.STRING, "", null, Importance.MEDIUM, OAUTH_CLIENT_ID_DOC,
                        "OAuth client id")
                .define(OAUTH_CLIENT_SECRET_CONFIG, Type.PASSWORD, null, null, Importance.MEDIUM,
                        OAUTH_CLIENT_SECRET_DOC, "OAuth client secret")
                .define(OAUTH_REFRESH_TOKEN_CONFIG, Type.PASSWORD, null, null, Importance.MEDIUM,
                        OAUTH_REFRESH_TOKEN_DOC, "OAuth refresh token")
                .define(OAUTH_TOKEN_URL_CONFIG, Type.STRING, DEFAULT_TOKEN_URL, new UrlValidator(false),
                        Importance.LOW, OAUTH_TOKEN_URL_DOC, "OAuth token URL")
                .define(DAILY_LIMIT_PROBE_MS_CONFIG, Type.LONG, 15 * 60_000L, ConfigDef.Range.atLeast(1000L),
                        Importance.LOW, DAILY_LIMIT_PROBE_MS_DOC, "Daily limit probe interval (ms)");
        return CommonConfig.define(def, DEFAULTS);
    }

    private static ConfigDef.Validator objectTypeValidator() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (value == null || !OBJECT_TYPE.matcher(value.toString().trim()).matches()) {
                throw new ConfigException(name, value, "must be an object type name or id (letters, digits, _ and -)");
            }
        }, () -> "an object type name or id (letters, digits, _ and -)");
    }

    static AuthType authType(OutflowSinkConfig config) {
        return config.enumValue(AUTH_TYPE_CONFIG, AuthType.class);
    }

    static String objectType(OutflowSinkConfig config) {
        return config.getString(OBJECT_TYPE_CONFIG).trim();
    }

    static String idProperty(OutflowSinkConfig config) {
        return config.getString(ID_PROPERTY_CONFIG).trim();
    }

    static boolean comparesCaseInsensitively(String idProperty) {
        return "email".equals(idProperty.toLowerCase(Locale.ROOT));
    }

    /** The credentials the chosen auth type needs, each missing one reported on its own key. */
    static void validate(OutflowSinkConfig config, Map<String, ConfigValue> values,
                         java.util.function.BiConsumer<String, String> error) {
        if (authType(config) == AuthType.PRIVATE_APP) {
            if (OutflowSinkConfig.secret(config.getPassword(ACCESS_TOKEN_CONFIG)) == null) {
                error.accept(ACCESS_TOKEN_CONFIG, "a private app access token is required when hubspot.auth.type="
                        + "private_app");
            }
            return;
        }
        if (config.getString(OAUTH_CLIENT_ID_CONFIG).isBlank()) {
            error.accept(OAUTH_CLIENT_ID_CONFIG, "required when hubspot.auth.type=oauth");
        }
        if (OutflowSinkConfig.secret(config.getPassword(OAUTH_CLIENT_SECRET_CONFIG)) == null) {
            error.accept(OAUTH_CLIENT_SECRET_CONFIG, "required when hubspot.auth.type=oauth");
        }
        if (OutflowSinkConfig.secret(config.getPassword(OAUTH_REFRESH_TOKEN_CONFIG)) == null) {
            error.accept(OAUTH_REFRESH_TOKEN_CONFIG, "required when hubspot.auth.type=oauth");
        }
    }
}
