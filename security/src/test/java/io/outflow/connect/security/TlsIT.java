package io.outflow.connect.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.outflow.connect.testkit.connect.Await;
import io.outflow.connect.testkit.connect.ConnectTestCluster;
import io.outflow.connect.testkit.connect.ConnectorStatus;
import io.outflow.connect.testkit.connect.ProducerRecordSpec;
import io.outflow.connect.testkit.connect.SinkRun;
import io.outflow.connect.testkit.http.SelfSignedTls;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security check (b) of issue 7, for every connector, against its fake served over HTTPS:
 * <ul>
 *   <li>a self-signed certificate is trusted through {@code http.tls.truststore.location/.password/.type};</li>
 *   <li>without a trust store (the JVM's) it is refused: the task fails with a TLS message that names
 *   {@code http.tls.truststore.location};</li>
 *   <li>hostname verification is on by default: a trusted certificate for another host name is refused, and
 *   accepted only with {@code http.tls.hostname.verification=false}.</li>
 * </ul>
 */
@ExtendWith(SharedCluster.class)
class TlsIT {
    private static final Logger LOG = LoggerFactory.getLogger(TlsIT.class);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    private static SelfSignedTls localhost;
    private static OtherHostCertificate otherHost;

    @BeforeAll
    static void certificates() throws Exception {
        localhost = SelfSignedTls.create(dir);
        otherHost = OtherHostCertificate.create(dir, "other-host.example");
    }

    @TestFactory
    Stream<DynamicNode> everyConnector() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Target target : Target.values()) {
            tests.add(DynamicTest.dynamicTest(target.id + ": trusted through http.tls.truststore.*; refused without; "
                    + "hostname verified unless switched off", () -> check(target)));
        }
        return tests.stream();
    }

    /** One connector on its own topic against a fake; not yet started. */
    private record Case(String name, SinkRun run, Target.Fake fake, Map<String, String> config) {
    }

    private static void check(Target target) {
        ConnectTestCluster cluster = SharedCluster.get();
        try (Target.Fake trusted = target.start(new Target.Options().tls(localhost.serverContext()));
             Target.Fake wrongHost = target.start(new Target.Options().tls(otherHost.serverContext))) {
            assertTrue(trusted.baseUrl().startsWith("https://127.0.0.1:"), trusted.baseUrl());

            Case withTrustStore = newCase(cluster, target, "tls-trusted", trusted);
            withTrustStore.config.put("http.tls.truststore.location", localhost.trustStorePath().toString());
            withTrustStore.config.put("http.tls.truststore.password", localhost.trustStorePassword());
            withTrustStore.config.put("http.tls.truststore.type", "PKCS12");

            Case withoutTrustStore = newCase(cluster, target, "tls-untrusted", trusted);

            Case otherHostVerified = newCase(cluster, target, "tls-other-host", wrongHost);
            otherHostVerified.config.put("http.tls.truststore.location", otherHost.trustStore.toString());
            otherHostVerified.config.put("http.tls.truststore.password", OtherHostCertificate.PASSWORD);

            Case otherHostUnverified = newCase(cluster, target, "tls-other-host-noverify", wrongHost);
            otherHostUnverified.config.put("http.tls.truststore.location", otherHost.trustStore.toString());
            otherHostUnverified.config.put("http.tls.truststore.password", OtherHostCertificate.PASSWORD);
            otherHostUnverified.config.put("http.tls.hostname.verification", "false");

            List<Case> cases = List.of(withTrustStore, withoutTrustStore, otherHostVerified, otherHostUnverified);
            for (Case c : cases) {
                cluster.configureConnector(c.run.name(), c.config);
            }
            for (Case c : cases) {
                cluster.awaitConnectorRunning(c.run.name(), 1, TIMEOUT);
                c.run.produce(List.of(ProducerRecordSpec.json(key(c), target.goodValue("over TLS " + c.name))));
            }

            awaitDelivered(cluster, target, withTrustStore);
            awaitDelivered(cluster, target, otherHostUnverified);

            String untrusted = awaitFailure(cluster, withoutTrustStore);
            assertTrue(untrusted.contains("TLS_HANDSHAKE_FAILED") && untrusted.contains("http.tls.truststore.location"),
                    () -> "a clear TLS message naming http.tls.truststore.location: " + BadInputMatrixIT.head(untrusted));

            String mismatch = awaitFailure(cluster, otherHostVerified);
            assertTrue(mismatch.contains("TLS_HOSTNAME_MISMATCH") && mismatch.contains("http.tls.hostname.verification"),
                    () -> "refused as a host name mismatch, naming the key that turns the check off: "
                    + BadInputMatrixIT.head(mismatch));
            assertTrue(mismatch.contains("127.0.0.1"), () -> "the message names the host the certificate does not "
                    + "name: " + BadInputMatrixIT.head(mismatch));
            assertTrue(wrongHost.stored(key(otherHostVerified)).isEmpty(), "nothing was sent to the wrong host");
            assertTrue(trusted.stored(key(withoutTrustStore)).isEmpty(), "nothing was sent to an untrusted host");
            LOG.info("{} TLS refusals:\n  no trust store: {}\n  other host: {}", target.id,
                    BadInputMatrixIT.head(untrusted), BadInputMatrixIT.head(mismatch));
            cases.forEach(c -> c.run.delete());
        }
    }

    private static Case newCase(ConnectTestCluster cluster, Target target, String name, Target.Fake fake) {
        SinkRun run = SinkRun.create(cluster, target.id + "-" + name, 1);
        return new Case(name, run, fake, target.config(run, fake, "test-credential"));
    }

    private static String key(Case c) {
        return c.run.name() + "@example.com";
    }

    private static void awaitDelivered(ConnectTestCluster cluster, Target target, Case c) {
        Await.until(c.name + ": the record arrives over HTTPS", TIMEOUT, () -> {
            cluster.connectorStatus(c.run.name()).flatMap(ConnectorStatus::firstFailedTask).ifPresent(task -> {
                throw new AssertionError(c.name + ": the task failed: " + BadInputMatrixIT.head(task.trace()));
            });
            return target.storedText(c.fake, key(c), target.textField).isPresent();
        });
    }

    private static String awaitFailure(ConnectTestCluster cluster, Case c) {
        return Await.untilPresent(c.name + ": the task fails", TIMEOUT, () -> cluster.connectorStatus(c.run.name())
                .flatMap(ConnectorStatus::firstFailedTask).map(ConnectorStatus.TaskStatus::trace));
    }
}
