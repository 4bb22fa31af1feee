package io.outflow.connect.security;

import io.outflow.connect.testkit.braze.BrazeFake;
import io.outflow.connect.testkit.connect.SinkRun;
import io.outflow.connect.testkit.http.FaultPlan;
import io.outflow.connect.testkit.hubspot.HubSpotFake;
import io.outflow.connect.testkit.zendesk.ZendeskFake;

import javax.net.ssl.SSLContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One connector under test with its destination fake: how to start the fake (with a given credential, TLS, faults),
 * the connector configuration pointing at it, a value the destination takes, and how to read back what it holds.
 * The bad-input matrix and the security checks are written once against this and run for each connector.
 */
enum Target {
    HUBSPOT("hubspot", "io.outflow.connect.hubspot.HubSpotSinkConnector", "hubspot.access.token", "firstname") {
        @Override
        Fake start(Options options) {
            HubSpotFake.Builder builder = HubSpotFake.builder().accessToken(options.secret).rateLimit(0, 10_000)
                    .dateProperties(java.util.Set.of(HUBSPOT_DATE_PROPERTY)).faults(options.faults).seed(options.seed);
            if (options.tls != null) {
                builder.https(options.tls);
            }
            HubSpotFake fake = builder.build().start();
            return new Fake() {
                @Override
                public String baseUrl() {
                    return fake.baseUrl();
                }

                @Override
                public Optional<Map<String, Object>> stored(String key) {
                    return fake.object("contacts", key).map(HashMap::new);
                }

                @Override
                public void revokeCredentials() {
                    fake.privateAppTokens().revokeAll();
                }

                @Override
                public long requests() {
                    return fake.requestLog().size();
                }

                @Override
                public io.outflow.connect.testkit.http.FaultInjector faults() {
                    return fake.faults();
                }

                @Override
                public void close() {
                    fake.close();
                }
            };
        }

        @Override
        void configure(Map<String, String> config, String baseUrl, String secret) {
            config.put("hubspot.api.url", baseUrl);
            config.put("hubspot.access.token", secret);
            config.put("hubspot.object.type", "contacts");
            config.put("hubspot.id.property", "email");
            config.put("rate.limit.requests", "0");
        }
    },

    ZENDESK("zendesk", "io.outflow.connect.zendesk.ZendeskSinkConnector", "zendesk.api.token", "name") {
        @Override
        Fake start(Options options) {
            ZendeskFake.Builder builder = ZendeskFake.builder().apiToken(ZENDESK_EMAIL, options.secret)
                    .jobDelay(Duration.ofMillis(50)).rateLimit(1_000_000, 60_000)
                    .faults(options.faults).seed(options.seed);
            if (options.tls != null) {
                builder.https(options.tls);
            }
            ZendeskFake fake = builder.build().start();
            return new Fake() {
                @Override
                public String baseUrl() {
                    return fake.baseUrl();
                }

                @Override
                public Optional<Map<String, Object>> stored(String key) {
                    return fake.user(key).map(user -> {
                        // Custom fields live in user_fields; flatten them for reading back.
                        Map<String, Object> flat = new HashMap<>(user);
                        if (user.get("user_fields") instanceof Map) {
                            ((Map<?, ?>) user.get("user_fields")).forEach((k, v) -> flat.put(String.valueOf(k), v));
                        }
                        return flat;
                    });
                }

                @Override
                public void revokeCredentials() {
                    fake.apiTokenAuth().revoke();
                }

                @Override
                public long requests() {
                    return fake.requestLog().size();
                }

                @Override
                public io.outflow.connect.testkit.http.FaultInjector faults() {
                    return fake.faults();
                }

                @Override
                public void close() {
                    fake.close();
                }
            };
        }

        @Override
        void configure(Map<String, String> config, String baseUrl, String secret) {
            config.put("zendesk.api.url", baseUrl);
            config.put("zendesk.object.type", "users");
            config.put("zendesk.email", ZENDESK_EMAIL);
            config.put("zendesk.api.token", secret);
            config.put("zendesk.job.poll.ms", "20");
            config.put("zendesk.job.poll.max.ms", "100");
            config.put("zendesk.job.queue.retry.ms", "200");
            config.put("rate.limit.requests", "0");
        }

        @Override
        List<String> secretForms(String secret) {
            // HTTP Basic carries "{email}/token:{token}" in base64: that text is the secret too.
            String basic = Base64.getEncoder().encodeToString((ZENDESK_EMAIL + "/token:" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            return List.of(secret, basic);
        }
    },

    BRAZE("braze", "io.outflow.connect.braze.BrazeSinkConnector", "braze.api.key", "first_name") {
        @Override
        Fake start(Options options) {
            BrazeFake.Builder builder = BrazeFake.builder().apiKey(options.secret).faults(options.faults)
                    .seed(options.seed);
            if (options.tls != null) {
                builder.https(options.tls);
            }
            BrazeFake fake = builder.build().start();
            return new Fake() {
                @Override
                public String baseUrl() {
                    return fake.baseUrl();
                }

                @Override
                public Optional<Map<String, Object>> stored(String key) {
                    return fake.user(key).map(HashMap::new);
                }

                @Override
                public void revokeCredentials() {
                    fake.auth().revokeAll();
                }

                @Override
                public long requests() {
                    return fake.requestLog().size();
                }

                @Override
                public io.outflow.connect.testkit.http.FaultInjector faults() {
                    return fake.faults();
                }

                @Override
                public void close() {
                    fake.close();
                }
            };
        }

        @Override
        void configure(Map<String, String> config, String baseUrl, String secret) {
            config.put("braze.api.url", baseUrl);
            config.put("braze.api.key", secret);
            config.put("rate.limit.requests", "0");
        }
    };

    static final String ZENDESK_EMAIL = "agent@example.com";
    /** A HubSpot property of type date in the fake: a value that is not epoch ms at midnight is refused (207). */
    static final String HUBSPOT_DATE_PROPERTY = "renewal_date";

    /** Short name, used in connector names. */
    final String id;
    final String connectorClass;
    /** The configuration key holding the credential. */
    final String secretKey;
    /** A text field every good record carries, stored as sent. */
    final String textField;

    Target(String id, String connectorClass, String secretKey, String textField) {
        this.id = id;
        this.connectorClass = connectorClass;
        this.secretKey = secretKey;
        this.textField = textField;
    }

    /** How to start a fake. */
    static final class Options {
        String secret = "test-credential";
        SSLContext tls;
        FaultPlan faults = FaultPlan.none();
        long seed = 42;

        Options secret(String value) {
            this.secret = value;
            return this;
        }

        Options tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        Options faults(FaultPlan plan) {
            this.faults = plan;
            return this;
        }
    }

    /** A started fake. */
    interface Fake extends AutoCloseable {
        String baseUrl();

        /** What the destination holds for this key (a copy; custom fields flattened), if anything. */
        Optional<Map<String, Object>> stored(String key);

        /** From now on the credential the connector uses is refused (401). */
        void revokeCredentials();

        long requests();

        /** The fake's fault injector: change the plan, or take the destination down, mid-run. */
        io.outflow.connect.testkit.http.FaultInjector faults();

        @Override
        void close();
    }

    abstract Fake start(Options options);

    /** Puts the destination's keys into a connector configuration. */
    abstract void configure(Map<String, String> config, String baseUrl, String secret);

    /** The texts that reveal the secret: itself, and any encoding of it that goes on the wire. */
    List<String> secretForms(String secret) {
        return List.of(secret);
    }

    /** The run's base configuration (DLQ with context headers, short retries) plus the destination's keys. */
    Map<String, String> config(SinkRun run, Fake fake, String secret) {
        Map<String, String> config = run.baseConfig(connectorClass, 1);
        configure(config, fake.baseUrl(), secret);
        return config;
    }

    /** A record value the destination takes, carrying {@code text} in {@link #textField}. */
    Map<String, Object> goodValue(String text) {
        return Map.of(textField, text);
    }

    /** The stored value of a field (a dotted path into nested objects) as text, or empty. */
    Optional<String> storedText(Fake fake, String key, String path) {
        return fake.stored(key).map(fields -> {
            Object value = fields;
            for (String part : path.split("\\.")) {
                value = value instanceof Map ? ((Map<?, ?>) value).get(part) : null;
            }
            return value;
        }).map(String::valueOf);
    }
}
