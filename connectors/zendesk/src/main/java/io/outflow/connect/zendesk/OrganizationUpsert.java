package io.outflow.connect.zendesk;

import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.HttpResult;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.destination.Step;
import io.outflow.connect.common.mapping.JsonValues;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v2/organizations/create_or_update} with {@code {"organization":{..}}}: one organization per
 * request, matched on external_id ("Name is not available as a matching criteria", spec
 * CreateOrUpdateOrganization). 200 (updated) and 201 (created) both mean written. This is the engine's
 * single-record mode: batches of one, several in flight (max.in.flight.requests), rate-limited; a refusal such as
 * 422 RecordInvalid sends just that record to the DLQ.
 */
final class OrganizationUpsert implements Operation {
    static final String PATH = "/api/v2/organizations/create_or_update";

    private final ObjectFields fields;
    private final long maxBytes;

    OrganizationUpsert(ObjectFields fields, long maxBytes) {
        this.fields = fields;
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return "upsert";
    }

    @Override
    public int maxBatchRecords() {
        return 1;
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
        return new Item(key, JsonValues.encode(g -> {
            g.writeStartObject();
            g.writeFieldName("organization");
            fields.write(g, key, values);
            g.writeEndObject();
        }));
    }

    @Override
    public Call newCall(List<Item> batch) {
        if (batch.size() != 1) {
            throw new IllegalArgumentException("organizations are written one at a time, not " + batch.size());
        }
        HttpRequestSpec request = HttpRequestSpec.post(PATH).jsonBody(batch.get(0).json()).build();
        return new Call() {
            @Override
            public HttpRequestSpec firstRequest() {
                return request;
            }

            @Override
            public Step onResponse(HttpResult response) {
                return Step.allDelivered(1);
            }
        };
    }
}
