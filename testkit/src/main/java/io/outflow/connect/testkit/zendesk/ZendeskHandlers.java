package io.outflow.connect.testkit.zendesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** The endpoints of {@link ZendeskFake}. Each settles due jobs first so effects apply in time order. */
final class ZendeskHandlers {

    private static final Logger log = LoggerFactory.getLogger(ZendeskHandlers.class);

    private final UserStore users;
    private final OrganizationStore organizations;
    private final JobQueue jobs;
    private final Supplier<String> baseUrl;
    private final AtomicBoolean bulkImportEnabled;
    private final int maxBatchSize;
    private final int maxQueuedJobs;
    private final UnknownDeleteResult unknownDelete;

    ZendeskHandlers(UserStore users, OrganizationStore organizations, JobQueue jobs, Supplier<String> baseUrl,
                    AtomicBoolean bulkImportEnabled, int maxBatchSize, int maxQueuedJobs,
                    UnknownDeleteResult unknownDelete) {
        this.users = users;
        this.organizations = organizations;
        this.jobs = jobs;
        this.baseUrl = baseUrl;
        this.bulkImportEnabled = bulkImportEnabled;
        this.maxBatchSize = maxBatchSize;
        this.maxQueuedJobs = maxQueuedJobs;
        this.unknownDelete = unknownDelete;
    }

    /** POST /api/v2/users/create_or_update_many: 403 while imports are off, then the 400 checks, then the queue. */
    FakeResponse createOrUpdateManyUsers(FakeRequest request) {
        if (!bulkImportEnabled.get()) {
            return ZendeskErrors.bulkImportDisabled();
        }
        List<UserInput> inputs = RequestParser.users(RequestParser.body(request), maxBatchSize);
        return submit(inputs.size(), () -> users.upsert(inputs));
    }

    /** DELETE /api/v2/users/destroy_many?ids=|external_ids=: a job (spec, DestroyManyUsers). */
    FakeResponse destroyManyUsers(FakeRequest request) {
        List<DeleteTarget> targets = RequestParser.deleteTargets(request, maxBatchSize);
        return submit(targets.size(), () -> users.delete(targets, unknownDelete));
    }

    /** DELETE /api/v2/organizations/destroy_many?ids=|external_ids=: a job too (spec, DeleteManyOrganizations). */
    FakeResponse destroyManyOrganizations(FakeRequest request) {
        List<DeleteTarget> targets = RequestParser.deleteTargets(request, maxBatchSize);
        return submit(targets.size(), () -> organizations.delete(targets, unknownDelete));
    }

    /** POST /api/v2/organizations/create_or_update: synchronous, 201 created or 200 updated. */
    FakeResponse createOrUpdateOrganization(FakeRequest request) {
        ObjectNode input = RequestParser.organization(RequestParser.body(request));
        jobs.settle();
        OrganizationStore.Write write = organizations.createOrUpdate(input);
        ObjectNode body = Json.object();
        body.set("organization", write.organization());
        return FakeResponse.json(write.created() ? 201 : 200, body);
    }

    /** GET /api/v2/job_statuses/{id}, with or without the ".json" the job's url carries. */
    FakeResponse showJobStatus(FakeRequest request) {
        String id = stripJson(request.pathParam("id"));
        return jobs.view(id, baseUrl.get())
                .map(job -> FakeResponse.json(200, wrap(job)))
                .orElseGet(ZendeskErrors::notFound);
    }

    private FakeResponse submit(int total, Supplier<ArrayNode> work) {
        return jobs.submit(total, work, baseUrl.get())
                .map(job -> {
                    log.debug("Queued job {} of {} inputs", job.path("id").asText(), total);
                    return FakeResponse.json(200, wrap(job));
                })
                .orElseGet(() -> ZendeskErrors.jobQueueFull(maxQueuedJobs, jobs.retryAfterSeconds()));
    }

    private static ObjectNode wrap(ObjectNode job) {
        ObjectNode body = Json.object();
        body.set("job_status", job);
        return body;
    }

    static String stripJson(String segment) {
        return segment.endsWith(".json") ? segment.substring(0, segment.length() - ".json".length()) : segment;
    }
}
