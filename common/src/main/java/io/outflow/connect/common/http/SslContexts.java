package io.outflow.connect.common.http;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Builds the TLS context: the JVM's trust store, or the one configured in http.tls.truststore.*. */
public final class SslContexts {
    private SslContexts() {
    }

    public static SSLContext forSettings(HttpSettings settings) {
        try {
            if (settings.trustStoreLocation().isEmpty()) {
                return SSLContext.getDefault();
            }
            KeyStore trustStore = KeyStore.getInstance(settings.trustStoreType());
            Password password = settings.trustStorePassword();
            char[] secret = password == null || password.value() == null ? null : password.value().toCharArray();
            try (InputStream in = Files.newInputStream(Path.of(settings.trustStoreLocation()))) {
                trustStore.load(in, secret);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // The message names the file and the problem; never the password.
            throw new ConfigException("Cannot load the trust store " + settings.trustStoreLocation() + " ("
                    + settings.trustStoreType() + "): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
