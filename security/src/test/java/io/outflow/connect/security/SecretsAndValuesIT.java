package io.outflow.connect.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConnectorStatus;
import io.outflow.connect.testkit.connect.ConsumedRecord;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.SinkRun;
import io.outflow.connect.testkit.http.DownMode;
import io.outflow.connect.testkit.hubspot.HubSpotFake;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security checks (a) and (d) of issue 7, for every connector: a run with a recognisable credential
 * ({@code SECRET-SENTINEL-…}) and recognisable record keys and values ({@code KEY-SENTINEL-…},
 * {@code VALUE-SENTINEL-…}), through good records, records the connector refuses, records the destination refuses
 * with a message echoing the value, transient errors and retries, a 401, and a task failure, with every logger of
 * the JVM at TRACE and captured. Then:
 * <ul>
 *   <li>(a) the credential, in every form it takes on the wire (Zendesk's Basic header is base64), appears in no
 *   log line at any level, in no DLQ header, in no task failure trace, and in no JMX name or attribute;</li>
 *   <li>(d) no key or value appears in a log line at INFO, WARN or ERROR, checked twice: for a worker with Connect's
 *   default {@code errors.log.enable=false}, and with {@code errors.log.enable=true}, where Connect's LogReporter
 *   also logs the error of every record reported to the DLQ (the runs enable it; leaving its lines out gives the
 *   default).</li>
 * </ul>
 * Log lines of the test infrastructure (the destination fakes, these tests and Kafka's cluster test kit, see
 * {@link LogCapture#TEST_INFRASTRUCTURE}) are left out: they are not the worker's.
 */
@ExtendWith(SharedCluster.class)
class SecretsAndValuesIT {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsAndValuesIT.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** What one run left to search. */
    private static final class Evidence {
        final List<String> secrets = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        List<LogCapture.Match> logMatches = List.of();
        final List<Exposure.Found> elsewhere = new ArrayList<>();
        long events;
        Map<Level, Long> counts = Map.of();
        String trace;
        int deadLetters;
        Throwable runFailure;
    }

    @TestFactory
    Stream<DynamicNode> everyConnector() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (Target target : Target.values()) {
            nodes.add(checks(target.id + " (" + target.secretKey + ")", evidence -> staticCredential(target, evidence)));
        }
        nodes.add(checks("hubspot (hubspot.auth.type=oauth)", SecretsAndValuesIT::hubspotOAuth));
        return nodes.stream();
    }

    private interface Scenario {
        void run(Evidence evidence) throws Exception;
    }

    private static DynamicContainer checks(String name, Scenario scenario) {
        Evidence evidence = new Evidence();
        return DynamicContainer.dynamicContainer(name, Stream.of(
                DynamicTest.dynamicTest("run: good and bad records, retries, a 401 and a task failure, all loggers "
                        + "at TRACE", () -> {
                    try {
                        scenario.run(evidence);
                    } catch (Throwable e) {
                        evidence.runFailure = e;
                        throw e;
                    }
                    LOG.info("{}: searched {} log events {}; {} dead letters; the task failed with: {}",
                            name, evidence.events, evidence.counts, evidence.deadLetters, head(evidence.trace));
                    // For the record: where keys and values do show, below INFO (allowed) or from test code.
                    evidence.logMatches.stream().filter(m -> evidence.values.contains(m.needle()))
                            .collect(Collectors.groupingBy(m -> m.level() + " " + m.logger()
                                    + (m.fromTestInfrastructure() ? " (test infrastructure)" : ""),
                                    java.util.TreeMap::new, Collectors.counting()))
                            .forEach((logger, n) -> LOG.info("  values in {} x {}", n, logger));
                }),
                DynamicTest.dynamicTest("(a) no credential in any log line, at any level", () -> {
                    ranToTheEnd(evidence);
                    List<LogCapture.Match> leaks = evidence.logMatches.stream()
                            .filter(m -> evidence.secrets.contains(m.needle()) && !m.fromTestInfrastructure())
                            .toList();
                    assertTrue(leaks.isEmpty(), () -> leaks.size() + " log events show a credential:\n"
                            + describe(leaks));
                }),
                DynamicTest.dynamicTest("(a) no credential in DLQ headers, the task's failure or JMX", () -> {
                    ranToTheEnd(evidence);
                    assertTrue(evidence.elsewhere.isEmpty(), () -> "credential found:\n" + evidence.elsewhere.stream()
                            .map(Exposure.Found::toString).collect(Collectors.joining("\n")));
                }),
                DynamicTest.dynamicTest("(d) no record key or value in log lines at INFO, WARN or ERROR "
                        + "(errors.log.enable=false, the default)", () -> valuesAtInfo(evidence, false)),
                DynamicTest.dynamicTest("(d) no record key or value in log lines at INFO, WARN or ERROR "
                        + "(errors.log.enable=true)", () -> valuesAtInfo(evidence, true))));
    }

    /** Connect's error log reporter: silent unless errors.log.enable=true; then it logs each reported error. */
    private static final String CONNECT_ERROR_LOG = "org.apache.kafka.connect.runtime.errors.LogReporter";

    /**
     * The runs set errors.log.enable=true. That switch adds only Connect's LogReporter lines, so leaving those out
     * gives what a worker with the default (false) logs.
     */
    private static void valuesAtInfo(Evidence evidence, boolean errorsLogEnabled) {
        ranToTheEnd(evidence);
        List<LogCapture.Match> leaks = evidence.logMatches.stream()
                .filter(m -> evidence.values.contains(m.needle()) && m.atLeast(Level.INFO)
                        && !m.fromTestInfrastructure() && (errorsLogEnabled || !m.logger().equals(CONNECT_ERROR_LOG)))
                .toList();
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " log events at INFO or above show a record's key or "
                + "value:\n" + describe(leaks));
    }

    private static void ranToTheEnd(Evidence evidence) {
        assertTrue(evidence.runFailure == null, () -> "the run did not complete: " + evidence.runFailure);
        assertTrue(evidence.events > 0, "logs were captured");
    }

    private static String describe(List<LogCapture.Match> matches) {
        Map<String, List<LogCapture.Match>> byLogger = matches.stream().collect(Collectors.groupingBy(
                m -> m.level() + " " + m.logger(), LinkedHashMap::new, Collectors.toList()));
        StringBuilder sb = new StringBuilder();
        byLogger.forEach((logger, list) -> sb.append("  ").append(list.size()).append(" x ").append(logger)
                .append(", e.g. [").append(list.get(0).thread()).append("] ").append(list.get(0).excerpt())
                .append('\n'));
        return sb.toString();
    }

    private static String tag(String kind) {
        return kind + "-SENTINEL-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    // ------------------------------------------------------------------ the credential in the configuration

    private static void staticCredential(Target target, Evidence evidence) {
        ConnectTestCluster cluster = SharedCluster.get();
        String secret = tag("SECRET");
        String value = tag("VALUE");
        String key = tag("KEY").toLowerCase(java.util.Locale.ROOT); // HubSpot stores emails lower-cased
        evidence.secrets.addAll(target.secretForms(secret));
        evidence.values.addAll(List.of(value, key));
        List<String> needles = new ArrayList<>(evidence.secrets);
        needles.addAll(evidence.values);

        try (Target.Fake fake = target.start(new Target.Options().secret(secret));
             LogCapture capture = LogCapture.attach(Level.TRACE, needles)) {
            SinkRun run = SinkRun.create(cluster, target.id + "-secrets", 1);
            Map<String, String> config = target.config(run, fake, secret);
            // Connect also logs each dead-lettered record's error (not its content: errors.log.include.messages
            // stays false), as many deployments do.
            config.put("errors.log.enable", "true");
            run.start(config, TIMEOUT);

            List<ProducerRecordSpec> records = new ArrayList<>();
            List<String> goodKeys = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String k = key + "-" + i + "@example.com";
                goodKeys.add(k);
                Map<String, Object> fields = new HashMap<>(target.goodValue(value + " good " + i));
                fields.put("notes_text", value + " more text " + i);
                records.add(ProducerRecordSpec.json(k, fields));
            }
            // Refused by the connector: nested too deep, strings holding the value all the way down.
            Map<String, Object> deep = Map.of("leaf", value);
            for (int i = 0; i < 40; i++) {
                deep = Map.of("a", deep);
            }
            Map<String, Object> tooDeep = new HashMap<>(target.goodValue(value + " too deep"));
            tooDeep.put("deep", deep);
            records.add(ProducerRecordSpec.json(key + "-deep@example.com", tooDeep));
            // Refused by the destination, whose message echoes the value.
            records.add(ProducerRecordSpec.json(key + "-refused@example.com", destinationRefuses(target, value)));
            // Retries: the destination answers 503 to the first requests, then recovers.
            fake.faults().goDown(DownMode.HTTP_503);
            run.produce(records);
            Await.until("requests answered 503 and retried", TIMEOUT, () -> fake.requests() >= 3);
            fake.faults().comeBack();

            Await.until("the good records arrive", TIMEOUT, () -> {
                failIfTaskFailed(cluster, run);
                return goodKeys.stream().allMatch(k -> fake.stored(k).isPresent());
            });
            List<ConsumedRecord> dead = run.deadLetters(2, TIMEOUT);
            evidence.deadLetters = dead.size();
            evidence.elsewhere.addAll(Exposure.headers(dead, evidence.secrets));
            evidence.elsewhere.addAll(Exposure.jmx(evidence.secrets)); // while the task and its metrics live

            // The credential stops working: 401, and the task fails (these auth modes have nothing to refresh).
            fake.revokeCredentials();
            run.produce(List.of(ProducerRecordSpec.json(key + "-after@example.com",
                    target.goodValue(value + " after revoke"))));
            evidence.trace = awaitTaskFailure(cluster, run);
            assertTrue(evidence.trace.contains("401"), "the failure is the 401: " + head(evidence.trace));

            evidence.elsewhere.addAll(Exposure.text("task failure trace", evidence.trace, evidence.secrets));
            evidence.elsewhere.addAll(Exposure.jmx(evidence.secrets));
            evidence.logMatches = capture.matches();
            evidence.events = capture.events();
            evidence.counts = capture.counts();
            run.delete();
        }
    }

    /** A value the destination refuses in a message that repeats it. */
    private static Map<String, Object> destinationRefuses(Target target, String value) {
        Map<String, Object> fields = new HashMap<>(target.goodValue(value + " refused"));
        switch (target) {
            case HUBSPOT:
                // "INVALID_DATE: <value> is not a valid date: expected epoch milliseconds at midnight UTC"
                fields.put(Target.HUBSPOT_DATE_PROPERTY, value + " is not a date");
                return fields;
            case ZENDESK:
                // "Email: <value> is not properly formatted"
                fields.put("email", value + " is not an email");
                return fields;
            case BRAZE:
            default:
                // Braze names the attribute, not the value: "'tags' has more than 25 items".
                List<String> tags = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    tags.add(value + "-" + i);
                }
                return Map.of("tags", tags, "first_name", value + " too many tags");
        }
    }

    // ------------------------------------------------------------------ HubSpot OAuth: client secret, refresh token

    private static void hubspotOAuth(Evidence evidence) {
        ConnectTestCluster cluster = SharedCluster.get();
        String clientSecret = tag("SECRET");
        String refreshToken = tag("SECRET");
        String value = tag("VALUE");
        String key = tag("KEY").toLowerCase(java.util.Locale.ROOT);
        long seed = 42;
        evidence.secrets.addAll(List.of(clientSecret, refreshToken));
        evidence.values.addAll(List.of(value, key));
        // The access tokens the fake issues are secrets too; its seeded random gives them (seed * 31 + 11).
        Random tokens = new Random(seed * 31 + 11);
        List<String> accessTokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[32];
            tokens.nextBytes(bytes);
            accessTokens.add("oauth-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        List<String> needles = new ArrayList<>(evidence.secrets);
        needles.addAll(accessTokens);
        needles.addAll(evidence.values);

        try (HubSpotFake fake = HubSpotFake.builder().oauthClient("outflow-client", clientSecret, refreshToken)
                .dateProperties(java.util.Set.of(Target.HUBSPOT_DATE_PROPERTY)).rateLimit(0, 10_000).seed(seed)
                .build().start();
             LogCapture capture = LogCapture.attach(Level.TRACE, needles)) {
            SinkRun run = SinkRun.create(cluster, "hubspot-oauth-secrets", 1);
            Map<String, String> config = run.baseConfig("io.outflow.connect.hubspot.HubSpotSinkConnector", 1);
            config.put("hubspot.api.url", fake.baseUrl());
            config.put("hubspot.auth.type", "oauth");
            config.put("hubspot.oauth.client.id", "outflow-client");
            config.put("hubspot.oauth.client.secret", clientSecret);
            config.put("hubspot.oauth.refresh.token", refreshToken);
            config.put("hubspot.oauth.token.url", fake.baseUrl() + HubSpotFake.TOKEN_PATH);
            config.put("rate.limit.requests", "0");
            config.put("retry.timeout.ms", "3000");
            config.put("errors.log.enable", "true");
            run.start(config, TIMEOUT);

            List<String> goodKeys = new ArrayList<>();
            List<ProducerRecordSpec> records = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String k = key + "-" + i + "@example.com";
                goodKeys.add(k);
                records.add(ProducerRecordSpec.json(k, Map.of("firstname", value + " good " + i)));
            }
            records.add(ProducerRecordSpec.json(key + "-refused@example.com",
                    Map.of(Target.HUBSPOT_DATE_PROPERTY, value + " is not a date")));
            records.add(ProducerRecordSpec.json(key + "-map@example.com", Map.of("address", Map.of("city", value))));
            // Retries: HubSpot, its token endpoint included, answers 503 to the first requests, then recovers.
            fake.faults().goDown(DownMode.HTTP_503);
            run.produce(records);
            Await.until("requests answered 503 and retried", TIMEOUT, () -> fake.requestLog().size() >= 3);
            fake.faults().comeBack();
            Await.until("the good contacts arrive", TIMEOUT, () -> {
                failIfTaskFailed(cluster, run);
                return goodKeys.stream().allMatch(k -> fake.object("contacts", k).isPresent());
            });
            List<ConsumedRecord> dead = run.deadLetters(2, TIMEOUT);
            evidence.deadLetters = dead.size();

            // Access tokens expire: 401, refresh, and the next contact arrives.
            fake.expireAccessTokens();
            long issued = fake.accessTokensIssued();
            String next = key + "-after-expiry@example.com";
            run.produce(List.of(ProducerRecordSpec.json(next, Map.of("firstname", value + " after expiry"))));
            Await.until("a contact arrives after the token was refreshed", TIMEOUT, () -> {
                failIfTaskFailed(cluster, run);
                return fake.object("contacts", next).isPresent();
            });
            assertTrue(fake.accessTokensIssued() > issued, "a new access token was issued after the 401");
            assertTrue(fake.requestLog().count(r -> r.status() == 401) > 0, "HubSpot answered 401");
            evidence.elsewhere.addAll(Exposure.headers(dead, needles.subList(0, needles.size() - 2)));
            evidence.elsewhere.addAll(Exposure.jmx(needles.subList(0, needles.size() - 2)));

            // HubSpot goes down with the token expired: retries until retry.timeout.ms, then the task fails.
            fake.expireAccessTokens();
            fake.faults().goDown(DownMode.HTTP_503);
            run.produce(List.of(ProducerRecordSpec.json(key + "-down@example.com",
                    Map.of("firstname", value + " while down"))));
            evidence.trace = awaitTaskFailure(cluster, run);
            fake.faults().comeBack();

            List<String> secretNeedles = new ArrayList<>(evidence.secrets);
            secretNeedles.addAll(accessTokens.subList(0, (int) Math.min(accessTokens.size(), fake.accessTokensIssued())));
            evidence.secrets.clear();
            evidence.secrets.addAll(secretNeedles);
            evidence.elsewhere.addAll(Exposure.text("task failure trace", evidence.trace, secretNeedles));
            evidence.logMatches = capture.matches();
            evidence.events = capture.events();
            evidence.counts = capture.counts();
            run.delete();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void failIfTaskFailed(ConnectTestCluster cluster, SinkRun run) {
        cluster.connectorStatus(run.name()).flatMap(ConnectorStatus::firstFailedTask).ifPresent(task -> {
            throw new AssertionError("the task failed early: " + head(task.trace()));
        });
    }

    private static String awaitTaskFailure(ConnectTestCluster cluster, SinkRun run) {
        return Await.untilPresent("the task of " + run.name() + " fails", TIMEOUT, () -> cluster
                .connectorStatus(run.name()).flatMap(ConnectorStatus::firstFailedTask)
                .map(ConnectorStatus.TaskStatus::trace));
    }

    static String head(String trace) {
        return BadInputMatrixIT.head(trace);
    }
}
