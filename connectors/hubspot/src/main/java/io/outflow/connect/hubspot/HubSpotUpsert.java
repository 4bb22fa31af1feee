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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /crm/v3/objects/{objectType}/batch/upsert} with {@code {"inputs":[{"idProperty":..,"id":..,
 * "properties":{..}}]}}: {@code idProperty} goes inside each input, not in the query (CRM objects v3 spec,
 * SimplePublicObjectBatchInputUpsert). A 200 means every input was written. A 207 lists {@code errors} that carry no
 * input index, only {@code context.ids}: those inputs are matched by key and dead-lettered; if an error names no
 * input we can find, the inputs HubSpot did not confirm in {@code results} are retried alone rather than guessed.
 */
final class HubSpotUpsert implements Operation {
    private final String path;
    private final String idProperty;
    private final KeyNormalizer normalizer;
    private final int maxRecords;
    private final long maxBytes;

    HubSpotUpsert(String objectType, String idProperty, KeyNormalizer normalizer, int maxRecords, long maxBytes) {
        this.path = "/crm/v3/objects/" + objectType + "/batch/upsert";
        this.idProperty = idProperty;
        this.normalizer = normalizer;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
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
    public Item prepare(String key, Map<String, Object> properties) {
        return new Item(key, JsonValues.encode(g -> {
            g.writeStartObject();
            g.writeStringField("idProperty", idProperty);
            g.writeStringField("id", key);
            g.writeFieldName("properties");
            g.writeStartObject();
            JsonValues.writeFields(g, properties);
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    @Override
    public Call newCall(List<Item> batch) {
        HttpRequestSpec request = HttpRequestSpec.post(path)
                .jsonBody(JsonBatchBody.of("{\"inputs\":[", batch, "]}"))
                .build();
        return new Call() {
            @Override
            public HttpRequestSpec firstRequest() {
                return request;
            }

            @Override
            public Step onResponse(HttpResult response) {
                if (response.status() != 207) {
                    return Step.allDelivered(batch.size());
                }
                return Step.complete(read207(response, batch));
            }
        };
    }

    private List<RecordOutcome> read207(HttpResult response, List<Item> batch) {
        MultiStatus status = MultiStatus.read(response, normalizer, keysOf(batch, normalizer));
        Set<String> confirmed = new HashSet<>();
        for (JsonNode result : response.json().path("results")) {
            JsonNode value = result.path("properties").path(idProperty);
            if (value.isTextual()) {
                confirmed.add(normalizer.normalize(value.asText()));
            }
        }
        List<RecordOutcome> outcomes = new ArrayList<>(batch.size());
        for (Item item : batch) {
            String key = normalizer.normalize(item.key());
            Reason refused = status.errorFor(key);
            if (refused != null) {
                outcomes.add(RecordOutcome.deadLetter(refused));
            } else if (!status.hasUnmatchedErrors() || confirmed.contains(key)) {
                outcomes.add(RecordOutcome.delivered());
            } else {
                outcomes.add(RecordOutcome.retry(Reason.of(207, "UNMATCHED_ERROR",
                        "HubSpot reported an error that names no input of the batch")));
            }
        }
        return outcomes;
    }

    /** The inputs' keys, normalised as HubSpot compares them. */
    static Set<String> keysOf(List<Item> batch, KeyNormalizer normalizer) {
        Set<String> keys = new HashSet<>();
        batch.forEach(item -> keys.add(normalizer.normalize(item.key())));
        return keys;
    }
}
