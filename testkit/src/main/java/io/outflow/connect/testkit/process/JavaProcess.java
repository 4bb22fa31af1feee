package io.outflow.connect.testkit.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started as a child process with its own classpath, its output in a log file. Stopped with SIGTERM (a clean
 * shutdown) or killed with SIGKILL (a crash), and never left behind: a shutdown hook kills what is still running.
 */
public final class JavaProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JavaProcess.class);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread reaper;

    private JavaProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.reaper = new Thread(process::destroyForcibly, "reap-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * @param classpath the classpath (a path-separator-joined list, as Maven's build-classpath writes it)
     * @param jvmArgs   options such as -Xmx or -D system properties
     */
    public static JavaProcess start(String name, String classpath, List<String> jvmArgs, String mainClass,
                                    List<String> args, Path logFile) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().remove("CLASSPATH");
        log.info("Starting {} ({}), log in {}", name, mainClass, logFile);
        return new JavaProcess(name, builder.start(), logFile);
    }

    /** Runs a JVM to completion (a tool such as kafka-storage) and fails if it exits with an error. */
    public static void run(String name, String classpath, List<String> jvmArgs, String mainClass, List<String> args,
                           Path logFile, long timeoutSeconds) throws IOException, InterruptedException {
        try (JavaProcess tool = start(name, classpath, jvmArgs, mainClass, args, logFile)) {
            if (!tool.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException(name + " did not finish within " + timeoutSeconds + " s; see " + logFile);
            }
            if (tool.process.exitValue() != 0) {
                throw new IOException(name + " failed with exit code " + tool.process.exitValue() + "; see " + logFile);
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** SIGTERM, then up to the timeout for a clean exit, then SIGKILL. */
    public void stop(long timeoutSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                log.warn("{} did not stop within {} s; killing it", name, timeoutSeconds);
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** SIGKILL: the process dies at once, as in a crash. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(15);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
