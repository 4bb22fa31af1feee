package io.outflow.connect.benchmarks;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Reads the worker's JVM through JMX (enabled on loopback when the harness starts it): heap in use and committed,
 * the old generation after the last collection (what a leak shows in), GC totals, and the connector task metrics
 * ({@code records-delivered-total}, {@code batch-size-avg}, ...) wherever the worker registered them (Connect's
 * plugin metrics on 4.1+, else the outflow domain).
 */
final class JmxProbe implements AutoCloseable {
    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;

    private JmxProbe(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.mbeans = connector.getMBeanServerConnection();
    }

    /** JVM options that open JMX on 127.0.0.1:port without authentication (a benchmark worker only). */
    static List<String> jvmArgs(int port) {
        return List.of("-Dcom.sun.management.jmxremote",
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Djava.rmi.server.hostname=127.0.0.1");
    }

    static JmxProbe connect(int port) throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi");
        return new JmxProbe(JMXConnectorFactory.connect(url));
    }

    record Heap(long used, long committed, long oldAfterGc, long gcCount, long gcMillis) {
    }

    Heap heap() {
        try {
            CompositeData usage = (CompositeData) mbeans.getAttribute(new ObjectName("java.lang:type=Memory"),
                    "HeapMemoryUsage");
            long oldAfterGc = -1;
            for (ObjectName pool : mbeans.queryNames(new ObjectName("java.lang:type=MemoryPool,*"), null)) {
                if (pool.getKeyProperty("name").contains("Old Gen")) {
                    CompositeData after = (CompositeData) mbeans.getAttribute(pool, "CollectionUsage");
                    if (after != null) {
                        oldAfterGc = (Long) after.get("used");
                    }
                }
            }
            long count = 0;
            long millis = 0;
            for (ObjectName gc : mbeans.queryNames(new ObjectName("java.lang:type=GarbageCollector,*"), null)) {
                count += (Long) mbeans.getAttribute(gc, "CollectionCount");
                millis += (Long) mbeans.getAttribute(gc, "CollectionTime");
            }
            return new Heap((Long) usage.get("used"), (Long) usage.get("committed"), oldAfterGc, count, millis);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the worker's heap over JMX", e);
        }
    }

    /**
     * The live heap: a full collection (MemoryMXBean.gc(), as jcmd GC.run), then the heap in use. Perturbs the
     * worker for a moment, so the memory measurement asks for it only twice.
     */
    long liveHeapAfterFullGc() {
        try {
            ObjectName memory = new ObjectName("java.lang:type=Memory");
            mbeans.invoke(memory, "gc", null, null);
            CompositeData usage = (CompositeData) mbeans.getAttribute(memory, "HeapMemoryUsage");
            return (Long) usage.get("used");
        } catch (Exception e) {
            throw new IllegalStateException("cannot collect the worker's heap over JMX", e);
        }
    }

    /**
     * Bytes allocated so far by the worker's live threads (com.sun.management.ThreadMXBean): the difference over a
     * window, divided by the records, is the allocation per record (threads that end in between are not counted).
     */
    long allocatedBytes() {
        try {
            ObjectName threading = new ObjectName("java.lang:type=Threading");
            long[] ids = (long[]) mbeans.getAttribute(threading, "AllThreadIds");
            long[] bytes = (long[]) mbeans.invoke(threading, "getThreadAllocatedBytes", new Object[]{ids},
                    new String[]{long[].class.getName()});
            long total = 0;
            for (long b : bytes) {
                if (b > 0) {
                    total += b;
                }
            }
            return total;
        } catch (Exception e) {
            return -1;
        }
    }

    /** A task metric summed over the connector's tasks (totals, rates), or NaN when not registered (yet). */
    double taskMetricSum(String connectorName, String metric) {
        return taskMetrics(connectorName, metric).stream().mapToDouble(Double::doubleValue).reduce(Double::sum)
                .orElse(Double.NaN);
    }

    /** A task metric averaged over the connector's tasks (averages), or NaN. */
    double taskMetricAvg(String connectorName, String metric) {
        return taskMetrics(connectorName, metric).stream().mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }

    /** The metric's value in each of the connector's tasks that registered it. */
    List<Double> taskMetrics(String connectorName, String metric) {
        List<Double> values = new java.util.ArrayList<>();
        try {
            Set<ObjectName> names = new java.util.HashSet<>(
                    mbeans.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null));
            names.addAll(mbeans.queryNames(new ObjectName("outflow:*"), null));
            for (ObjectName name : names) {
                String c = name.getKeyProperty("connector");
                if (c == null || name.getKeyProperty("task") == null
                        || !(connectorName.equals(c) || ("\"" + connectorName + "\"").equals(c))) {
                    continue;
                }
                try {
                    Object value = mbeans.getAttribute(name, metric);
                    if (value instanceof Number n && !Double.isNaN(n.doubleValue())) {
                        values.add(n.doubleValue());
                    }
                } catch (Exception missing) {
                    // an MBean of the task without this attribute
                }
            }
        } catch (Exception e) {
            return values;
        }
        return values;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException ignored) {
            // the worker is gone
        }
    }
}
