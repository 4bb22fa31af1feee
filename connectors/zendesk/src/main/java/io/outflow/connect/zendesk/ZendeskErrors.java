package io.outflow.connect.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.RetryAfter;

import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * How Zendesk reports errors. The envelope is {@code {"error":..,"description":..,"details":{field:[{"description":
 * ..,"error":..}]}}} (destinations.md, Zendesk appendix; RecordInvalid/DuplicateValue for organizations); some
 * answers carry {@code "error":{"title":..,"message":..}} instead, and the rate-limit 429 is text/plain.
 */
final class ZendeskErrors {
    static final String BULK_IMPORT_DISABLED = "BulkImportDisabled";
    static final String JOB_QUEUE_FULL = "TooManyJobs";
    private static final int MAX_TEXT = 200;

    private ZendeskErrors() {
    }

    static Reason describe(HttpResult response) {
        JsonNode body = response.json();
        JsonNode error = body.path("error");
        if (error.isObject()) {
            return Reason.of(response.status(), error.path("title").asText(null), error.path("message").asText(""));
        }
        if (error.isTextual()) {
            StringJoiner message = new StringJoiner("; ");
            String description = body.path("description").asText("");
            if (!description.isEmpty()) {
                message.add(description);
            }
            String field = details(body.path("details"), message);
            Reason reason = Reason.of(response.status(), error.asText(), message.toString());
            return field == null ? reason : reason.withField(field);
        }
        String text = response.bodyText().trim();
        return Reason.of(response.status(), null, text.isEmpty() ? "no error message"
                : text.substring(0, Math.min(MAX_TEXT, text.length())));
    }

    /** Adds each detail's description to the message; returns the first field named, or null. */
    private static String details(JsonNode details, StringJoiner message) {
        if (details.isTextual()) {
            message.add(details.asText());
            return null;
        }
        String first = null;
        for (Map.Entry<String, JsonNode> entry : details.properties()) {
            first = first == null ? entry.getKey() : first;
            for (JsonNode detail : entry.getValue()) {
                String text = detail.path("description").asText(detail.path("error").asText(""));
                if (!text.isEmpty()) {
                    message.add(text);
                }
            }
        }
        return first;
    }

    /**
     * The answers Zendesk's status says too little about:
     * <ul>
     *   <li>403 to create_or_update_many: "A 403 Forbidden error is returned if data imports are not enabled" (spec,
     *       CreateOrUpdateManyUsers). No retry helps: the task fails saying what to ask Zendesk for.</li>
     *   <li>429 to a request that queues a job, with a JSON body: the account's 30-job queue is full (support
     *       article 8050017386522; the account rate limit answers text/plain). The facts give neither its body nor
     *       whether it sends Retry-After: without one we wait {@code jobQueueRetryMs}. A wait, never an error.</li>
     *   <li>404 to a job status read: the job is gone (job data is kept for a limited time, destinations.md):
     *       the batch is sent again, which upserts and deletes make safe.</li>
     * </ul>
     */
    static Optional<Failure> classify(HttpRequestSpec request, HttpResult response, String credentialHint,
                                      long jobQueueRetryMs, long nowMs) {
        String path = request.path();
        int status = response.status();
        if (status == 403 && path.startsWith(UserUpsert.PATH)) {
            Reason said = describe(response);
            return Optional.of(Failure.fatal(Reason.of(403, BULK_IMPORT_DISABLED, "Zendesk refused the bulk user "
                    + "import: bulk user import must be enabled by Zendesk for this account (it is off by default; "
                    + "the account owner asks Zendesk Customer Support to enable it). If it is enabled, check that "
                    + credentialHint + " belongs to an admin or an agent allowed to manage users. Zendesk said: "
                    + said.summary())));
        }
        if (status == 429 && queuesJob(request) && response.json().has("error")) {
            long wait = RetryAfter.millis(response, nowMs);
            Reason said = describe(response);
            return Optional.of(Failure.rateLimited(Reason.of(429, said.code() == null ? JOB_QUEUE_FULL : said.code(),
                    "Zendesk's job queue is full (at most " + ZendeskConfig.ACCOUNT_JOB_LIMIT + " jobs per account); "
                            + "waiting for it to drain"), wait >= 0 ? wait : jobQueueRetryMs));
        }
        if (status == 404 && path.startsWith(JobCall.JOB_STATUSES_PATH)) {
            return Optional.of(Failure.restart(Reason.of(404, describe(response).code(),
                    "Zendesk no longer knows the job; sending its records again")));
        }
        return Optional.empty();
    }

    private static boolean queuesJob(HttpRequestSpec request) {
        String path = request.path();
        return path.startsWith(UserUpsert.PATH) || path.startsWith(DestroyMany.USERS_PATH)
                || path.startsWith(DestroyMany.ORGANIZATIONS_PATH);
    }
}
