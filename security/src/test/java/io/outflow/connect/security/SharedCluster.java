package io.outflow.connect.security;

import io.outflow.connect.testkit.connect.ConnectTestCluster;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One broker and one Connect worker for every test class of this module (started once, closed when the test run
 * ends), so the module stays within its time budget. The worker has a {@code FileConfigProvider} registered as
 * {@code file}, which the ConfigProvider test uses and which changes nothing for the others.
 * <p>
 * Use with {@code @ExtendWith(SharedCluster.class)} and {@link #get()}.
 */
final class SharedCluster implements BeforeAllCallback {
    private static ConnectTestCluster cluster;

    /** Closed by JUnit when the root context closes, i.e. after the last test class. */
    private static final class Holder implements AutoCloseable {
        @Override
        public void close() {
            synchronized (SharedCluster.class) {
                if (cluster != null) {
                    cluster.close();
                    cluster = null;
                }
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (SharedCluster.class) {
            if (cluster == null) {
                cluster = ConnectTestCluster.builder()
                        .name("outflow-security")
                        .workerProperty("config.providers", "file")
                        .workerProperty("config.providers.file.class",
                                "org.apache.kafka.common.config.provider.FileConfigProvider")
                        .start();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put(SharedCluster.class.getName(), new Holder());
            }
        }
    }

    static synchronized ConnectTestCluster get() {
        if (cluster == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(SharedCluster.class)");
        }
        return cluster;
    }
}
