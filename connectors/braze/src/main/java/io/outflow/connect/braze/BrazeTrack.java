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
 * {@code POST /users/track} with one array, {@code {"attributes":[..]}}, {@code {"events":[..]}} or
 * {@code {"purchases":[..]}}: one object per record, at most 75 in total (destinations.md, "Five contract details"
 * item 1; batch.max.records caps it). Attributes are keyed (one object per user per request, last write wins);
 * events and purchases append, every record in offset order. The answer is read by {@link TrackAnswer}.
 */
final class BrazeTrack implements Operation {
    static final String PATH = "/users/track";

    private final RecordType type;
    private final Identity identity;
    private final TrackContent content;
    private final FieldNames names;
    private final int maxRecords;
    private final long maxBytes;

    BrazeTrack(RecordType type, Identity identity, TrackContent content, FieldNames names, int maxRecords,
               long maxBytes) {
        this.type = type;
        this.identity = identity;
        this.content = content;
        this.names = names;
        this.maxRecords = maxRecords;
        this.maxBytes = maxBytes;
    }

    @Override
    public String name() {
        return type.array();
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
        return !type.appends();
    }

    @Override
    public Item prepare(String key, Map<String, Object> fields) {
        Map<String, Object> object = content.content(names.limit(fields));
        return new Item(key, JsonValues.encode(g -> {
            g.writeStartObject();
            identity.writeTrackIdentifier(g, key);
            JsonValues.writeFields(g, object);
            g.writeEndObject();
        }));
    }

    @Override
    public Call newCall(List<Item> batch) {
        HttpRequestSpec request = HttpRequestSpec.post(PATH)
                .jsonBody(JsonBatchBody.of("{\"" + type.array() + "\":[", batch, "]}"))
                .build();
        return new Call() {
            @Override
            public HttpRequestSpec firstRequest() {
                return request;
            }

            @Override
            public Step onResponse(HttpResult response) {
                return Step.complete(TrackAnswer.outcomes(response, type, batch.size()));
            }
        };
    }
}
