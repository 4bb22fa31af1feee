package io.outflow.connect.zendesk;

import io.outflow.connect.common.destination.Call;
import io.outflow.connect.common.destination.HttpRequestSpec;
import io.outflow.connect.common.destination.Item;
import io.outflow.connect.common.destination.Operation;
import io.outflow.connect.common.record.RecordException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Tombstones: {@code DELETE /api/v2/users/destroy_many?external_ids=a,b} or
 * {@code DELETE /api/v2/organizations/destroy_many?external_ids=a,b}, "a comma-separated list of up to 100" ids or
 * external ids; both answer with a job (spec, DestroyManyUsers and DeleteManyOrganizations), followed like upserts.
 * An item's bytes are its URL-encoded external id, exactly what goes into the query, so the operation's byte cap
 * bounds the URL: the facts give no URL length limit, and 6,000 bytes keeps it under the common 8 KB.
 */
final class DestroyMany implements Operation {
    static final String USERS_PATH = "/api/v2/users/destroy_many";
    static final String ORGANIZATIONS_PATH = "/api/v2/organizations/destroy_many";
    static final long MAX_QUERY_BYTES = 6_000;

    private final String path;
    private final int maxRecords;
    private final PollSchedule polls;

    DestroyMany(String path, int maxRecords, PollSchedule polls) {
        this.path = path;
        this.maxRecords = maxRecords;
        this.polls = polls;
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
        return MAX_QUERY_BYTES;
    }

    @Override
    public boolean keyed() {
        return true;
    }

    @Override
    public Item prepare(String key, Map<String, Object> fields) {
        if (key.indexOf(',') >= 0) {
            throw RecordException.ofRecord("the key contains a comma, which Zendesk's destroy_many reads as a "
                    + "separator, so it cannot be deleted this way");
        }
        return new Item(key, URLEncoder.encode(key, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Call newCall(List<Item> batch) {
        StringJoiner ids = new StringJoiner(",", path + "?external_ids=", "");
        for (Item item : batch) {
            ids.add(new String(item.json(), StandardCharsets.US_ASCII));
        }
        return new JobCall(HttpRequestSpec.delete(ids.toString()).build(), batch.size(), JobResults.DELETE, polls);
    }
}
