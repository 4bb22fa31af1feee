package io.outflow.connect.zendesk;

import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.JsonBatchBody;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.mapping.JsonValues;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v2/users/create_or_update_many} with {@code {"users":[{..}]}}, up to 100 users, each identified
 * by email or external_id (spec, CreateOrUpdateManyUsers). The answer only queues a job; {@link JobCall} follows it
 * to per-user outcomes.
 */
final class UserUpsert implements Operation {
    static final String PATH = "/api/v2/users/create_or_update_many";

    private final ObjectFields fields;
    private final int maxRecords;
    private final long maxBytes;
    private final PollSchedule polls;

    UserUpsert(ObjectFields fields, int maxRecords, long maxBytes, PollSchedule polls) {
        this.fields = fields;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
        this.polls = polls;
    }

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
        return true;
    }

    @Override
    public Item prepare(String key, Map<String, Object> values) {
        return new Item(key, JsonValues.encode(g -> fields.write(g, key, values)));
    }

    @Override
    public Call newCall(List<Item> batch) {
        HttpRequestSpec request = HttpRequestSpec.post(PATH)
                .jsonBody(JsonBatchBody.of("{\"users\":[", batch, "]}"))
                .build();
        return new JobCall(request, batch.size(), JobResults.UPSERT, polls);
    }
}
