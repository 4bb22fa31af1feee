package io.outflow.connect.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.Step;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A request that queues a Zendesk background job, then {@code GET /api/v2/job_statuses/{id}} until the job is
 * "completed" or "failed" (spec, JobStatusObject.status: queued, working, failed, completed). The records count as
 * delivered only when the job's results say so; meanwhile their keys stay in flight and their offsets wait. A job
 * that fails as a whole starts the batch again. The status is read at the path built from the job's id, not at the
 * answer's {@code url}, so zendesk.api.url (a proxy, a test server) is used for polls too.
 */
final class JobCall implements Call {
    static final String JOB_STATUSES_PATH = "/api/v2/job_statuses/";

    private final HttpRequestSpec submit;
    private final int size;
    private final JobResults results;
    private final PollSchedule polls;
    private int polled;

    JobCall(HttpRequestSpec submit, int size, JobResults results, PollSchedule polls) {
        this.submit = submit;
        this.size = size;
        this.results = results;
        this.polls = polls;
    }

    @Override
    public HttpRequestSpec firstRequest() {
        return submit;
    }

    @Override
    public Step onResponse(HttpResult response) {
        JsonNode job = response.json().path("job_status");
        String status = job.path("status").asText("");
        switch (status) {
            case "completed":
                return completed(response.status(), job);
            case "failed":
                return Step.fail(Failure.restart(Reason.of(response.status(), "JobFailed",
                        "the Zendesk job " + job.path("id").asText("") + " failed: "
                                + job.path("message").asText("no message"))));
            default:
                // queued or working (and any status the spec does not list): read it again later.
                String id = job.path("id").asText("");
                if (id.isEmpty()) {
                    return Step.fail(Failure.restart(Reason.of(response.status(), "NoJob",
                            "Zendesk's answer names no job")));
                }
                return Step.next(HttpRequestSpec.get(JOB_STATUSES_PATH
                        + URLEncoder.encode(id, StandardCharsets.UTF_8)).build(), polls.delay(polled++));
        }
    }

    private Step completed(int httpStatus, JsonNode job) {
        JsonNode entries = job.path("results");
        if (entries.isArray()) {
            return Step.complete(results.read(httpStatus, entries, size));
        }
        // Spec, JobStatusObject.results: an array, or an object with only "success".
        JsonNode success = entries.path("success");
        if (success.isBoolean() && success.booleanValue()) {
            return Step.allDelivered(size);
        }
        return Step.fail(Failure.restart(Reason.of(httpStatus, "NoResults",
                "the Zendesk job " + job.path("id").asText("") + " completed without per-record results")));
    }
}
