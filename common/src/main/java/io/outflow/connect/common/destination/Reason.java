package io.outflow.connect.common.destination;

import java.util.Objects;

/**
 * Why a destination refused a record or a request: the HTTP status (0 when there was no response), the
 * destination's own error code and its message. Shown in dead-letter headers and task failures, so it must never
 * carry secrets; vendor messages may name a record's values, so it is never logged at INFO or above.
 */
public final class Reason {
    private final int httpStatus;
    private final String code;
    private final String message;
    private final String field;

    private Reason(int httpStatus, String code, String message, String field) {
        this.httpStatus = httpStatus;
        this.code = code == null || code.isBlank() ? null : code;
        this.message = message == null ? "" : message;
        this.field = field == null || field.isBlank() ? null : field;
    }

    public static Reason of(int httpStatus, String code, String message) {
        return new Reason(httpStatus, code, message, null);
    }

    /** A reason found before anything was sent (bad input, a transport error). */
    public static Reason local(String code, String message) {
        return new Reason(0, code, message, null);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The field the destination named as the problem, or null. */
    public String field() {
        return field;
    }

    /** The same reason, naming the field at fault. */
    public Reason withField(String fieldName) {
        return new Reason(httpStatus, code, message, fieldName);
    }

    /** The same reason with a prefix to the message, e.g. which step of a conversation failed. */
    public Reason withContext(String context) {
        return new Reason(httpStatus, code, context + (message.isEmpty() ? "" : ": " + message), field);
    }

    /**
     * Status, code and field without the destination's message, which may echo record values: for task failures
     * and log lines, where values must not appear.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (httpStatus > 0) {
            sb.append("HTTP ").append(httpStatus);
        }
        if (code != null) {
            sb.append(sb.length() > 0 ? " " : "").append(code);
        }
        if (field != null) {
            sb.append(sb.length() > 0 ? " " : "").append("(field '").append(field).append("')");
        }
        return sb.length() == 0 ? "no reason given" : sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (httpStatus > 0) {
            sb.append("HTTP ").append(httpStatus);
        }
        if (code != null) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(code);
        }
        if (field != null) {
            sb.append(sb.length() > 0 ? " " : "").append("(field '").append(field).append("')");
        }
        if (!message.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(": ");
            }
            sb.append(message);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Reason)) {
            return false;
        }
        Reason r = (Reason) o;
        return httpStatus == r.httpStatus && Objects.equals(code, r.code) && message.equals(r.message)
                && Objects.equals(field, r.field);
    }

    @Override
    public int hashCode() {
        return Objects.hash(httpStatus, code, message, field);
    }
}
