package io.outflow.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Entry point of the local demo (run by ./demo.sh with the classpath Maven computed):
 * <pre>java -cp ... io.outflow.demo.Main [--non-interactive] [--project-root DIR] [--work-dir DIR]</pre>
 * Exit codes: 0 every destination holds what the model computed; 1 one does not; 2 the demo failed; 130 stopped.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        boolean interactive = true;
        Path root = Path.of(System.getProperty("outflow.project.root", ".")).toAbsolutePath().normalize();
        Path workDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--non-interactive" -> interactive = false;
                case "--project-root" -> root = Path.of(value(args, ++i)).toAbsolutePath().normalize();
                case "--work-dir" -> workDir = Path.of(value(args, ++i)).toAbsolutePath().normalize();
                case "-h", "--help" -> {
                    System.out.println("Usage: ./demo.sh [--non-interactive] [--skip-build]\n"
                            + "  --non-interactive  no pauses; exit code 1 if a destination does not hold what the"
                            + " model computed");
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + args[i] + " (try --help)");
                    System.exit(Demo.FAILED);
                }
            }
        }
        if (workDir == null) {
            workDir = root.resolve(".demo").resolve("run-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        Files.createDirectories(workDir);
        // Before the first logger: diagnostics go to the run's log file, stdout is the demo's own output.
        System.setProperty("outflow.demo.log", workDir.resolve("demo.log").toString());
        System.setProperty("log4j2.configurationFile", "outflow-demo-log4j2.properties");
        Console console = new Console(System.out, interactive);
        console.line("Outflow local demo: a warehouse model delivered to HubSpot, Zendesk and Braze by Kafka Connect");
        console.line("Run directory: %s%s", root.relativize(workDir),
                interactive ? "" : " (non-interactive: no pauses)");
        int code = new Demo(root, workDir, console).run();
        System.exit(code);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("Option " + args[i - 1] + " needs a value");
            System.exit(Demo.FAILED);
        }
        return args[i];
    }
}
