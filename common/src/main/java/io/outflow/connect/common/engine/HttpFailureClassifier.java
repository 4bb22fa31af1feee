package io.outflow.connect.common.engine;

import io.outflow.connect.common.auth.AuthenticationException;
import io.outflow.connect.common.destination.Destination;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Reason;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that decides what an HTTP status or a transport error means: transient (429, 408, 425, 5xx,
 * timeouts, connection resets, unreachable hosts) is retried, 401 refreshes credentials, other client errors refuse
 * the batch (which is then narrowed down to the bad records), and answers that no retry can fix fail the task.
 * Destinations override it for answers they know better ({@link Destination#classify}).
 */
public final class HttpFailureClassifier {
    private final Destination destination;
    private final long nowMsForRetryAfter;

    private HttpFailureClassifier(Destination destination, long nowMs) {
        this.destination = destination;
        this.nowMsForRetryAfter = nowMs;
    }

    /** Classifies a non-2xx answer. */
    public static Failure classify(Destination destination, HttpResult response, long nowMs) {
        return new HttpFailureClassifier(destination, nowMs).status(response);
    }

    private Failure status(HttpResult response) {
        int status = response.status();
        Reason reason = destination.describeError(response);
        if (status == 429) {
            return Failure.rateLimited(reason, destination.rateLimitSignals().retryAfterMillis(response,
                    nowMsForRetryAfter));
        }
        if (status == 401) {
            return Failure.unauthorized(reason);
        }
        if (status == 403) {
            return Failure.fatal(reason.withContext(destination.displayName() + " denied access; check that "
                    + destination.credentialHint() + " has the permissions (scopes) the connector needs"));
        }
        if (status == 404 || status == 405) {
            return Failure.fatal(reason.withContext(destination.displayName()
                    + " does not know this endpoint; check the API URL and the object type"));
        }
        if (status == 408 || status == 425 || status >= 500 && status != 501 && status != 505) {
            return Failure.transientError(reason, io.outflow.connect.common.destination.RetryAfter.millis(response,
                    nowMsForRetryAfter));
        }
        if (status >= 400 && status < 500) {
            return Failure.rejectBatch(reason);
        }
        return Failure.fatal(reason.withContext("unexpected answer from " + destination.displayName()));
    }

    /** Classifies a request that got no answer. */
    public static Failure transportError(Destination destination, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof AuthenticationException) {
            return ((AuthenticationException) cause).failure();
        }
        if (isHostnameMismatch(cause)) {
            return Failure.fatal(Reason.local("TLS_HOSTNAME_MISMATCH", "the TLS certificate of "
                    + destination.displayName() + " does not name the host in its URL (" + describe(cause)
                    + "); check the API URL's host name (http.tls.hostname.verification=false is for tests only)"));
        }
        if (isCertificateProblem(cause)) {
            return Failure.fatal(Reason.local("TLS_HANDSHAKE_FAILED", "the TLS handshake with "
                    + destination.displayName() + " failed (" + describe(cause) + "); if the destination uses a "
                    + "private certificate authority, set http.tls.truststore.location"));
        }
        return Failure.transientError(Reason.local(cause.getClass().getSimpleName(), "no answer from "
                + destination.displayName() + ": " + describe(cause)));
    }

    /**
     * Whether a request that failed this way may have reached the destination: anything but a failure to connect
     * (refused, unknown host, connect timeout, TLS) or to obtain credentials before sending.
     */
    public static boolean mayHaveBeenReceived(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof AuthenticationException || isCertificateProblem(cause) || isHostnameMismatch(cause)) {
            return false;
        }
        for (Throwable c = cause; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.net.UnknownHostException
                    || c instanceof java.net.NoRouteToHostException
                    || c instanceof org.apache.hc.client5.http.ConnectTimeoutException
                    || c instanceof org.apache.hc.client5.http.HttpHostConnectException
                    || c instanceof org.apache.hc.core5.http.RequestNotExecutedException) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHostnameMismatch(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return true;
            }
            String message = c.getMessage() == null ? "" : c.getMessage().toLowerCase(java.util.Locale.ROOT);
            if ((c instanceof CertificateException || c instanceof SSLException)
                    && (message.contains("subject alternative name") || message.contains("no name matching"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCertificateProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateException || c instanceof SSLHandshakeException) {
                return true;
            }
            if (c instanceof SSLException && c.getMessage() != null
                    && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("certificate")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message;
    }
}
