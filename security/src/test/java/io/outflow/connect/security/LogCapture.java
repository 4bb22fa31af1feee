package io.outflow.connect.security;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the JVM logs through log4j2 (the worker, the broker, the connectors and their HTTP client: the embedded
 * cluster runs in this JVM), at any level, searched for given texts as it is logged. Attaching lowers every logger
 * to the given level; {@link #close()} restores the configuration from the module's log4j2-test.properties.
 * <p>
 * Each event is searched in its formatted message, its context data (MDC) and every exception of its cause chain,
 * with their messages and stack frames. Only matching events are kept, so a run at TRACE costs CPU, not memory.
 */
final class LogCapture implements AutoCloseable {
    /** Test infrastructure in this JVM that is not the worker: the fakes, these tests, Kafka's cluster test kit. */
    static final List<String> TEST_INFRASTRUCTURE = List.of("io.outflow.connect.testkit.", "io.outflow.connect.security.",
            "org.apache.kafka.connect.util.clusters.");

    /** One logged event that contained a needle. */
    record Match(Level level, String logger, String thread, String needle, String excerpt) {
        boolean fromTestInfrastructure() {
            return TEST_INFRASTRUCTURE.stream().anyMatch(logger::startsWith);
        }

        boolean atLeast(Level threshold) {
            return level.isMoreSpecificThan(threshold);
        }

        @Override
        public String toString() {
            return level + " " + logger + " [" + thread + "] (" + needle + "): " + excerpt;
        }
    }

    private final LoggerContext context;
    private final AbstractAppender appender;
    private final List<String> needles;
    private final List<Match> matches = Collections.synchronizedList(new ArrayList<>());
    private final Map<Level, AtomicLong> counts = Collections.synchronizedMap(new java.util.HashMap<>());
    private final AtomicLong events = new AtomicLong();

    private LogCapture(List<String> needles, Level level) {
        this.needles = List.copyOf(needles);
        this.context = (LoggerContext) LogManager.getContext(false);
        this.appender = new AbstractAppender("outflow-security-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                inspect(event);
            }
        };
        appender.start();
        Configuration config = context.getConfiguration();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(level);
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (logger == root) {
                continue;
            }
            if (!logger.isAdditive()) {
                logger.addAppender(appender, Level.ALL, null); // additive loggers reach the root's appenders
            }
            if (logger.getLevel() != Level.OFF) { // ConnectAssertions: test-kit noise, switched off on purpose
                logger.setLevel(level);
            }
        }
        context.updateLoggers();
    }

    /** Starts capturing everything logged at {@code level} and above. */
    static LogCapture attach(Level level, List<String> needles) {
        return new LogCapture(needles, level);
    }

    private void inspect(LogEvent event) {
        events.incrementAndGet();
        counts.computeIfAbsent(event.getLevel(), l -> new AtomicLong()).incrementAndGet();
        StringBuilder text = new StringBuilder();
        text.append(event.getMessage() == null ? "" : event.getMessage().getFormattedMessage());
        event.getContextData().forEach((k, v) -> text.append(" {").append(k).append('=').append(v).append('}'));
        appendThrowable(text, event.getThrown(), Collections.newSetFromMap(new IdentityHashMap<>()));
        String all = text.toString();
        for (String needle : needles) {
            int at = all.indexOf(needle);
            if (at >= 0) {
                int from = Math.max(0, at - 160);
                int to = Math.min(all.length(), at + needle.length() + 80);
                matches.add(new Match(event.getLevel(), event.getLoggerName(), event.getThreadName(), needle,
                        all.substring(from, to).replace('\n', ' ')));
            }
        }
    }

    private static void appendThrowable(StringBuilder text, Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return;
        }
        text.append("\n").append(t);
        for (StackTraceElement frame : t.getStackTrace()) {
            text.append("\n\tat ").append(frame);
        }
        for (Throwable suppressed : t.getSuppressed()) {
            appendThrowable(text, suppressed, seen);
        }
        appendThrowable(text, t.getCause(), seen);
    }

    /** Every match so far. */
    List<Match> matches() {
        synchronized (matches) {
            return List.copyOf(matches);
        }
    }

    /** Events seen, all levels. */
    long events() {
        return events.get();
    }

    /** Events seen per level. */
    Map<Level, Long> counts() {
        Map<Level, Long> out = new java.util.TreeMap<>((a, b) -> Integer.compare(a.intLevel(), b.intLevel()));
        synchronized (counts) {
            counts.forEach((level, n) -> out.put(level, n.get()));
        }
        return out;
    }

    /** Stops capturing and restores the configured levels and appenders. */
    @Override
    public void close() {
        context.reconfigure();
        appender.stop();
    }
}
