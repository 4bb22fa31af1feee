package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.FakeRequest;
import io.outflow.connect.testkit.http.FakeResponse;
import io.outflow.connect.testkit.http.Json;

import java.util.List;

/** The endpoints of {@link ItemsApiFake}. Each settles due jobs first so effects apply in time order. */
final class ItemsApiHandlers {

    private final ItemStore store;
    private final JobQueue jobs;
    private final int maxBatchSize;

    ItemsApiHandlers(ItemStore store, JobQueue jobs, int maxBatchSize) {
        this.store = store;
        this.jobs = jobs;
        this.maxBatchSize = maxBatchSize;
    }

    /** POST /v1/items/batch. */
    FakeResponse upsertBatch(FakeRequest request) {
        List<BatchItem> items = BatchParser.items(request.json(), maxBatchSize);
        jobs.settle();
        return FakeResponse.json(200, ItemResult.resultsBody(store.upsert(items)));
    }

    /** POST /v1/items/delete. */
    FakeResponse delete(FakeRequest request) {
        List<String> keys = BatchParser.keys(request.json(), maxBatchSize);
        jobs.settle();
        return FakeResponse.json(200, ItemResult.resultsBody(store.delete(keys)));
    }

    /** POST /v1/jobs: the 400 checks first, then the queue limit. */
    FakeResponse submitJob(FakeRequest request) {
        List<BatchItem> items = BatchParser.items(request.json(), maxBatchSize);
        return jobs.submit(items)
                .map(job -> FakeResponse.json(202, wrap(job)))
                .orElseGet(() -> FakeResponse.error(429, "TOO_MANY_JOBS", null).withHeader("Retry-After", "1"));
    }

    /** GET /v1/jobs/{id}. */
    FakeResponse getJob(FakeRequest request) {
        String id = request.pathParam("id");
        return jobs.view(id)
                .map(job -> FakeResponse.json(200, wrap(job)))
                .orElseGet(() -> FakeResponse.error(404, "NOT_FOUND", "unknown job: " + id));
    }

    private static ObjectNode wrap(ObjectNode job) {
        ObjectNode body = Json.object();
        body.set("job", job);
        return body;
    }
}
