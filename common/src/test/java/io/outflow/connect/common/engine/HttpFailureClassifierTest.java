package io.outflow.connect.common.engine;

import io.outflow.connect.common.auth.AuthenticationException;
import io.outflow.connect.common.auth.Authenticator;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.testdest.ItemsDestination;
import io.outflow.connect.common.testdest.ItemsOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpFailureClassifierTest {
    private static final long NOW = 1_700_000_000_000L;

    private final Destination destination = new ItemsDestination("http://items.test", Authenticator.NONE,
            ItemsOperations.upsert(100, 1 << 20, true, false, 50), ItemsOperations.delete(100));

    private Failure classify(int status) {
        return classify(status, Map.of());
    }

    private Failure classify(int status, Map<String, List<String>> headers) {
        HttpResult response = new HttpResult(status, headers,
                "{\"error\":\"SOME_CODE\",\"message\":\"vendor says no\"}".getBytes(StandardCharsets.UTF_8));
        return HttpFailureClassifier.classify(destination, response, NOW);
    }

    @Test
    void tooManyRequestsIsRateLimitedWithTheRetryAfterWait() {
        Failure f = classify(429, Map.of("Retry-After", List.of("3")));
        assertEquals(Failure.Kind.RATE_LIMITED, f.kind());
        assertEquals(3000, f.waitMillis());
        assertEquals(429, f.reason().httpStatus());
        assertEquals("SOME_CODE", f.reason().code());
    }

    @Test
    void tooManyRequestsWithoutRetryAfterUsesTheRateLimitHeadersOrUnknown() {
        assertEquals(Failure.UNKNOWN_WAIT, classify(429).waitMillis());
        Failure f = classify(429, Map.of("X-RateLimit-Remaining", List.of("0"),
                "X-RateLimit-Reset", List.of(Long.toString(NOW / 1000 + 7))));
        assertEquals(Failure.Kind.RATE_LIMITED, f.kind());
        assertEquals(7000, f.waitMillis());
    }

    @Test
    void unauthorizedIsForTheAuthenticator() {
        Failure f = classify(401);
        assertEquals(Failure.Kind.UNAUTHORIZED, f.kind());
        assertEquals(401, f.reason().httpStatus());
    }

    @Test
    void forbiddenIsFatalNamingTheCredentials() {
        Failure f = classify(403);
        assertEquals(Failure.Kind.FATAL, f.kind());
        assertTrue(f.reason().message().contains("items.token"), f.reason().message());
        assertTrue(f.reason().message().contains("Items API"), f.reason().message());
        assertTrue(f.reason().message().endsWith(": vendor says no"), "the vendor's message is kept");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405})
    void unknownEndpointsAreFatal(int status) {
        Failure f = classify(status);
        assertEquals(Failure.Kind.FATAL, f.kind());
        assertTrue(f.reason().message().contains("API URL"), f.reason().message());
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 500, 502, 503, 504, 507, 599})
    void temporaryProblemsAreTransient(int status) {
        Failure f = classify(status);
        assertEquals(Failure.Kind.TRANSIENT, f.kind());
        assertEquals(status, f.reason().httpStatus());
        assertEquals(Failure.UNKNOWN_WAIT, f.waitMillis());
    }

    @Test
    void serviceUnavailableHonoursRetryAfter() {
        Failure f = classify(503, Map.of("retry-after", List.of("1.5")));
        assertEquals(Failure.Kind.TRANSIENT, f.kind());
        assertEquals(1500, f.waitMillis());
    }

    @ParameterizedTest
    @ValueSource(ints = {501, 505})
    void answersNoRetryFixesAreFatal(int status) {
        assertEquals(Failure.Kind.FATAL, classify(status).kind());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 409, 413, 422, 418})
    void otherClientErrorsRejectTheBatch(int status) {
        Failure f = classify(status);
        assertEquals(Failure.Kind.REJECT_BATCH, f.kind());
        assertEquals(Reason.of(status, "SOME_CODE", "vendor says no"), f.reason());
    }

    @ParameterizedTest
    @ValueSource(ints = {302, 304, 100})
    void unexpectedAnswersAreFatal(int status) {
        Failure f = classify(status);
        assertEquals(Failure.Kind.FATAL, f.kind());
        assertTrue(f.reason().message().contains("unexpected"), f.reason().message());
    }

    // ---- transport errors

    @Test
    void timeoutsAndUnreachableHostsAreTransient() {
        for (Throwable error : List.of(new SocketTimeoutException("Read timed out"),
                new ConnectException("Connection refused"), new UnknownHostException("items.test"),
                new IOException("Connection reset"))) {
            Failure f = HttpFailureClassifier.transportError(destination, error);
            assertEquals(Failure.Kind.TRANSIENT, f.kind(), error.toString());
            assertEquals(0, f.reason().httpStatus());
            assertEquals(error.getClass().getSimpleName(), f.reason().code());
            assertTrue(f.reason().message().contains("Items API"), f.reason().message());
            assertTrue(f.reason().message().contains(error.getMessage()), f.reason().message());
        }
    }

    @Test
    void wrappersAreUnwrapped() {
        Failure f = HttpFailureClassifier.transportError(destination,
                new CompletionException(new ExecutionException(new SocketTimeoutException("slow"))));
        assertEquals(Failure.Kind.TRANSIENT, f.kind());
        assertEquals("SocketTimeoutException", f.reason().code());
    }

    @Test
    void anErrorWithoutMessageIsDescribedByItsType() {
        Failure f = HttpFailureClassifier.transportError(destination, new CompletionException(new ConnectException()));
        assertTrue(f.reason().message().contains("ConnectException"), f.reason().message());
    }

    @Test
    void tlsHandshakeFailuresAreFatalNamingTheTrustStoreSetting() {
        Failure f = HttpFailureClassifier.transportError(destination,
                new CompletionException(new SSLHandshakeException("PKIX path building failed")));
        assertEquals(Failure.Kind.FATAL, f.kind());
        assertEquals("TLS_HANDSHAKE_FAILED", f.reason().code());
        assertTrue(f.reason().message().contains("http.tls.truststore.location"), f.reason().message());
        assertTrue(f.reason().message().contains("PKIX path building failed"), f.reason().message());
    }

    @Test
    void certificateProblemsDeepInTheCauseChainAreFatal() {
        SSLException wrapped = new SSLException("handshake", new CertificateException("expired"));
        assertEquals(Failure.Kind.FATAL, HttpFailureClassifier.transportError(destination,
                new IOException("outer", wrapped)).kind());
        assertEquals(Failure.Kind.FATAL, HttpFailureClassifier.transportError(destination,
                new SSLException("No trusted certificate found")).kind());
        assertEquals(Failure.Kind.TRANSIENT, HttpFailureClassifier.transportError(destination,
                new SSLException("Connection reset during handshake")).kind(), "other TLS errors are transient");
    }

    @Test
    void anAuthenticationExceptionCarriesItsOwnFailure() {
        Failure fatal = Failure.fatal(Reason.of(400, "invalid_grant", "check items.oauth"));
        Failure f = HttpFailureClassifier.transportError(destination,
                new CompletionException(new AuthenticationException(fatal)));
        assertSame(fatal, f);

        Failure transientFailure = Failure.transientError(Reason.local("TOKEN_ENDPOINT_UNREACHABLE", "down"));
        assertSame(transientFailure, HttpFailureClassifier.transportError(destination,
                new AuthenticationException(transientFailure)));
    }
}
