package io.outflow.connect.testkit.http;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate for 127.0.0.1 and localhost, for HTTPS fakes. Generated with the JDK's
 * own {@code keytool} because the JDK has no public API to issue certificates and we add no crypto library.
 * Gives both SSLContexts and a PKCS12 truststore file (connector configs take a file path).
 */
public final class SelfSignedTls {

    private static final String ALIAS = "outflow-fake";

    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final Path trustStore;
    private final String password;

    private SelfSignedTls(SSLContext serverContext, SSLContext clientContext, Path trustStore, String password) {
        this.serverContext = serverContext;
        this.clientContext = clientContext;
        this.trustStore = trustStore;
        this.password = password;
    }

    /** Generates a key pair and certificate under {@code dir} (takes about a second: RSA key generation). */
    public static SelfSignedTls create(Path dir) {
        String password = "changeit";
        Path keyStore = dir.resolve("fake-server.p12");
        Path trustStore = dir.resolve("fake-truststore.p12");
        try {
            runKeytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "7", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                    "-storepass", password, "-keypass", password));
            KeyStore keys = load(keyStore, password);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trusted.store(out, password.toCharArray());
            }
            return new SelfSignedTls(serverContext(keys, password), clientContext(trusted), trustStore, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create a self-signed certificate in " + dir, e);
        }
    }

    private static void runKeytool(List<String> args) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }

    private static KeyStore load(Path path, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static SSLContext serverContext(KeyStore keys, String password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientContext(KeyStore trusted) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** For {@link FakeServerBuilder#https}. */
    public SSLContext serverContext() {
        return serverContext;
    }

    /** A client context trusting only this certificate. */
    public SSLContext clientContext() {
        return clientContext;
    }

    /** PKCS12 truststore holding the certificate, for connector configs that take a file. */
    public Path trustStorePath() {
        return trustStore;
    }

    public String trustStorePassword() {
        return password;
    }
}
