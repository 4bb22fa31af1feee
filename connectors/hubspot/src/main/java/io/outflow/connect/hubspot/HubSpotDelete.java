package io.outflow.connect.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.JsonBatchBody;
import io.outflow.connect.common.destination.KeyNormalizer;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.RecordOutcome;
import io.outflow.connect.common.destination.Step;
import io.outflow.connect.common.mapping.JsonValues;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes by unique property in two steps, because {@code batch/archive} takes only internal ids (CRM objects v3
 * spec, BatchInputSimplePublicObjectId): {@code batch/read} with a top-level {@code idProperty} (unlike upsert) finds
 * the ids, then {@code batch/archive} archives them and answers 204. Keys HubSpot does not know count as deleted.
 */
final class HubSpotDelete implements Operation {
    static final String NOT_FOUND = "OBJECT_NOT_FOUND";

    private final String basePath;
    private final String idProperty;
    private final KeyNormalizer normalizer;
    private final int maxRecords;

    HubSpotDelete(String objectType, String idProperty, KeyNormalizer normalizer, int maxRecords) {
        this.basePath = "/crm/v3/objects/" + objectType + "/batch/";
        this.idProperty = idProperty;
        this.normalizer = normalizer;
        this.maxRecords = maxRecords;
    }

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public int maxBatchRecords() {
        return maxRecords;
    }

    @Override
    public long maxBatchBytes() {
        return 1024L * 1024;
    }

    @Override
    public boolean keyed() {
        return true;
    }

    @Override
    public Item prepare(String key, Map<String, Object> fields) {
        return new Item(key, JsonValues.encode(g -> {
            g.writeStartObject();
            g.writeStringField("id", key);
            g.writeEndObject();
        }));
    }

    @Override
    public Call newCall(List<Item> batch) {
        return new DeleteCall(batch);
    }

    /** Read the ids, then archive them. */
    private final class DeleteCall implements Call {
        private final List<Item> batch;
        private List<RecordOutcome> outcomes;

        DeleteCall(List<Item> batch) {
            this.batch = batch;
        }

        @Override
        public HttpRequestSpec firstRequest() {
            String prefix = "{\"idProperty\":" + JsonValues.encodeString(idProperty) + ",\"properties\":["
                    + JsonValues.encodeString(idProperty) + "],\"propertiesWithHistory\":[],\"inputs\":[";
            return HttpRequestSpec.post(basePath + "read").jsonBody(JsonBatchBody.of(prefix, batch, "]}")).build();
        }

        @Override
        public Step onResponse(HttpResult response) {
            if (outcomes != null) {
                return Step.complete(outcomes); // the archive answered 2xx
            }
            return afterRead(response);
        }

        private Step afterRead(HttpResult response) {
            Map<String, String> internalIds = new HashMap<>();
            for (JsonNode result : response.json().path("results")) {
                JsonNode value = result.path("properties").path(idProperty);
                if (value.isTextual() && result.path("id").isTextual()) {
                    internalIds.put(normalizer.normalize(value.asText()), result.path("id").asText());
                }
            }
            MultiStatus status = response.status() == 207
                    ? MultiStatus.read(response, normalizer, HubSpotUpsert.keysOf(batch, normalizer))
                    : MultiStatus.read(new HttpResult(200, Map.of(), new byte[0]), normalizer, Set.of());
            outcomes = new ArrayList<>(batch.size());
            Set<String> toArchive = new LinkedHashSet<>();
            for (Item item : batch) {
                String key = normalizer.normalize(item.key());
                Reason error = status.errorFor(key);
                String id = internalIds.get(key);
                if (id != null) {
                    toArchive.add(id);
                    outcomes.add(RecordOutcome.delivered());
                } else if (error != null && !NOT_FOUND.equals(status.categoryFor(key))) {
                    outcomes.add(RecordOutcome.deadLetter(error));
                } else if (error != null || !status.hasUnmatchedErrors()) {
                    outcomes.add(RecordOutcome.delivered()); // HubSpot does not know it: nothing to delete
                } else {
                    outcomes.add(RecordOutcome.retry(Reason.of(207, "UNMATCHED_ERROR",
                            "HubSpot reported an error that names no input of the batch")));
                }
            }
            if (toArchive.isEmpty()) {
                return Step.complete(outcomes);
            }
            StringBuilder body = new StringBuilder("{\"inputs\":[");
            boolean first = true;
            for (String id : toArchive) {
                body.append(first ? "" : ",").append("{\"id\":").append(JsonValues.encodeString(id)).append('}');
                first = false;
            }
            body.append("]}");
            return Step.next(HttpRequestSpec.post(basePath + "archive")
                    .jsonBody(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).build(), 0);
        }
    }
}
