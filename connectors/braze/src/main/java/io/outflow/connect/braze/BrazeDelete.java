package io.outflow.connect.braze;

import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.JsonBatchBody;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.Step;
import io.outflow.connect.common.mapping.JsonValues;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /users/delete} for tombstones: "≤50 IDs, one identifier type per request" (destinations.md, Braze),
 * which holds because a connector keys every record by one identifier type. The answer carries only a count of
 * profiles deleted and an identifier Braze does not know is no error, so every identifier of an accepted request
 * counts as deleted; a refusal (400) is narrowed down by the engine like any refused batch.
 */
final class BrazeDelete implements Operation {
    static final String PATH = "/users/delete";

    private final Identity identity;
    private final int maxRecords;
    private final long maxBytes;

    BrazeDelete(Identity identity, int maxRecords, long maxBytes) {
        this.identity = identity;
        this.maxRecords = Math.min(maxRecords, BrazeConfig.MAX_DELETE_IDENTIFIERS);
        this.maxBytes = maxBytes;
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
        return maxBytes;
    }

    @Override
    public boolean keyed() {
        return true;
    }

    @Override
    public Item prepare(String key, Map<String, Object> fields) {
        return new Item(key, JsonValues.encode(g -> identity.writeDeleteEntry(g, key)));
    }

    @Override
    public Call newCall(List<Item> batch) {
        HttpRequestSpec request = HttpRequestSpec.post(PATH)
                .jsonBody(JsonBatchBody.of("{\"" + identity.deleteList() + "\":[", batch, "]}"))
                .build();
        return new Call() {
            @Override
            public HttpRequestSpec firstRequest() {
                return request;
            }

            @Override
            public Step onResponse(HttpResult response) {
                return Step.allDelivered(batch.size());
            }
        };
    }
}
