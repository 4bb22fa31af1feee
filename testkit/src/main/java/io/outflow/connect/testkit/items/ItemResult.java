package io.outflow.connect.testkit.items;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.List;

/** The per-input result of a batch, upsert or delete: {"index":i,"status":"ok"|"error"[,"error":{..}]}. */
record ItemResult(int index, ItemError error) {

    static ItemResult ok(int index) {
        return new ItemResult(index, null);
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object().put("index", index).put("status", error == null ? "ok" : "error");
        if (error != null) {
            node.putObject("error")
                    .put("code", error.code())
                    .put("message", error.message())
                    .put("field", error.field());
        }
        return node;
    }

    static ArrayNode toJson(List<ItemResult> results) {
        ArrayNode array = Json.array();
        results.forEach(r -> array.add(r.toJson()));
        return array;
    }

    /** {"results":[...]}: the 200 body of the batch and delete endpoints. */
    static ObjectNode resultsBody(List<ItemResult> results) {
        ObjectNode body = Json.object();
        body.set("results", toJson(results));
        return body;
    }
}
