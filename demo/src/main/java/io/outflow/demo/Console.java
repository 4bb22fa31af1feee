package io.outflow.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The demo's user-facing output: plain lines on stdout (diagnostics go through SLF4J to the run's log file), and
 * the pauses of interactive mode.
 */
final class Console {
    private final PrintStream out;
    private final boolean interactive;
    private final BufferedReader in;

    Console(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
        this.in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    boolean interactive() {
        return interactive;
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void line(String format, Object... args) {
        line(String.format(format, args));
    }

    void blank() {
        line("");
    }

    void phase(int number, int of, String title) {
        blank();
        line("== [%d/%d] %s", number, of, title);
    }

    /** In interactive mode waits for Enter (end of input continues); otherwise does nothing. */
    void pause(String what) {
        if (!interactive) {
            return;
        }
        blank();
        out.print(">> Press Enter to " + what + " (Ctrl-C stops everything) ");
        out.flush();
        try {
            in.readLine();
        } catch (IOException e) {
            // no input: carry on
        }
    }
}
