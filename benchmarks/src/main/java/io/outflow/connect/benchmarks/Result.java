package io.outflow.connect.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the report: a measurement of one connector in one setting, its figure, its target and whether it
 * met it, with notes (how it was measured, supporting figures) and, for a missed target, why and what would fix it.
 */
final class Result {
    enum Status { MET, MISSED, INFO, ERROR }

    final Options.Measurement measurement;
    final Vendor vendor;
    final String setting;
    String value = "";
    String target = "";
    Status status = Status.INFO;
    final List<String> notes = new ArrayList<>();
    final List<String> why = new ArrayList<>();
    final List<String> details = new ArrayList<>();

    Result(Options.Measurement measurement, Vendor vendor, String setting) {
        this.measurement = measurement;
        this.vendor = vendor;
        this.setting = setting;
    }

    Result value(String value) {
        this.value = value;
        return this;
    }

    Result target(String target, boolean met) {
        this.target = target;
        this.status = met ? Status.MET : Status.MISSED;
        return this;
    }

    Result info(String target) {
        this.target = target;
        this.status = Status.INFO;
        return this;
    }

    Result note(String note) {
        notes.add(note);
        return this;
    }

    Result why(String line) {
        why.add(line);
        return this;
    }

    Result error(Throwable e) {
        this.status = Status.ERROR;
        this.value = "error";
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        notes.add("the measurement failed: " + message.split("\n")[0]);
        return this;
    }

    String statusText() {
        return switch (status) {
            case MET -> "met";
            case MISSED -> "MISSED";
            case INFO -> "-";
            case ERROR -> "ERROR";
        };
    }
}
