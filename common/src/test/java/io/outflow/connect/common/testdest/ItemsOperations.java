package io.outflow.connect.common.testdest;

import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.Failure;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.JsonBatchBody;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.Reason;
import io.outflow.connect.common.destination.Step;
import io.outflow.connect.common.mapping.JsonValues;

import java.util.List;
import java.util.Map;

/** The items API's operations: batch upsert (synchronous or as a job), append, and delete. */
public final class ItemsOperations {
    private ItemsOperations() {
    }

    /** Upserts through POST /v1/items/batch, or POST /v1/jobs and polling when async. */
    public static Operation upsert(int maxRecords, long maxBytes, boolean keyed, boolean async, long pollMs) {
        return new Operation() {
            @Override
            public String name() {
                return "upsert";
            }

            @Override
            public int maxBatchRecords() {
                return maxRecords;
            }

            @Override
            public long maxBatchBytes() {
                return maxBytes;
            }

            @Override
            public boolean keyed() {
                return keyed;
            }

            @Override
            public Item prepare(String key, Map<String, Object> fields) {
                return new Item(keyed ? key : null, JsonValues.encode(g -> {
                    g.writeStartObject();
                    g.writeStringField("key", key);
                    g.writeFieldName("fields");
                    g.writeStartObject();
                    JsonValues.writeFields(g, fields);
                    g.writeEndObject();
                    g.writeEndObject();
                }));
            }

            @Override
            public Call newCall(List<Item> batch) {
                byte[] body = JsonBatchBody.of("{\"items\":[", batch, "]}");
                return async ? new JobCall(body, batch.size(), pollMs) : new SyncCall(
                        HttpRequestSpec.post("/v1/items/batch").jsonBody(body).build(), batch.size());
            }
        };
    }

    /** Deletes through POST /v1/items/delete. */
    public static Operation delete(int maxRecords) {
        return new Operation() {
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
                return 1024 * 1024;
            }

            @Override
            public boolean keyed() {
                return true;
            }

            @Override
            public Item prepare(String key, Map<String, Object> fields) {
                return new Item(key, JsonValues.encode(g -> g.writeString(key)));
            }

            @Override
            public Call newCall(List<Item> batch) {
                return new SyncCall(HttpRequestSpec.post("/v1/items/delete")
                        .jsonBody(JsonBatchBody.of("{\"keys\":[", batch, "]}")).build(), batch.size());
            }
        };
    }

    /** One request, answered with per-input results. */
    static final class SyncCall implements Call {
        private final HttpRequestSpec request;
        private final int size;

        SyncCall(HttpRequestSpec request, int size) {
            this.request = request;
            this.size = size;
        }

        @Override
        public HttpRequestSpec firstRequest() {
            return request;
        }

        @Override
        public Step onResponse(HttpResult response) {
            return Step.complete(ItemsResults.read(response.status(), response.json().path("results"), size));
        }
    }

    /** A job: submitted, then polled until it completes (outcomes by index) or fails (the batch restarts). */
    static final class JobCall implements Call {
        private final byte[] body;
        private final int size;
        private final long pollMs;

        JobCall(byte[] body, int size, long pollMs) {
            this.body = body;
            this.size = size;
            this.pollMs = pollMs;
        }

        @Override
        public HttpRequestSpec firstRequest() {
            return HttpRequestSpec.post("/v1/jobs").jsonBody(body).build();
        }

        @Override
        public Step onResponse(HttpResult response) {
            String id = response.json().path("job").path("id").asText();
            String status = response.json().path("job").path("status").asText();
            switch (status) {
                case "completed":
                    return Step.complete(ItemsResults.read(response.status(),
                            response.json().path("job").path("results"), size));
                case "failed":
                    return Step.fail(Failure.restart(Reason.of(response.status(), "JOB_FAILED",
                            response.json().path("job").path("message").asText())));
                default:
                    return Step.next(HttpRequestSpec.get("/v1/jobs/" + id).build(), pollMs);
            }
        }
    }
}
