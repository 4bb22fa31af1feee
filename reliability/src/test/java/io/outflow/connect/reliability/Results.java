package io.outflow.connect.reliability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The measured result of each scenario that passed, one tab-separated line per run in
 * {@code target/reliability-results.tsv} (the source of the results table in docs/reliability.md), and in the log.
 */
final class Results {
    private static final Logger log = LoggerFactory.getLogger(Results.class);
    private static final String HEADER =
            "scenario\tdestination\tresult\tseconds\trecords\twrites\tduplicates\tduplicate bound\tnotes\n";

    private Results() {
    }

    static synchronized void record(String scenario, String destination, double seconds, Tally tally, long bound,
                                    String notes) {
        String line = String.join("\t", scenario, destination, "pass", String.format("%.1f", seconds),
                Integer.toString(tally.produced()), Long.toString(tally.writes()), Long.toString(tally.duplicates()),
                Long.toString(bound), notes) + "\n";
        log.info("RESULT {}", line.trim());
        String file = System.getProperty("outflow.reliability.results");
        if (file == null) {
            return;
        }
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            if (!Files.exists(path)) {
                Files.writeString(path, HEADER, StandardCharsets.UTF_8);
            }
            Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
