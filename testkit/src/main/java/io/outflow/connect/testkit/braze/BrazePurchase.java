package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded purchase, never deduplicated (like events).
 *
 * @param externalId the profile's external_id when recorded, or null
 * @param brazeId    the profile's braze_id
 * @param quantity   as sent, 1 when absent
 * @param time       {@code time} as sent, clamped to the fake's clock
 * @param sentTime   {@code time} exactly as sent
 * @param properties {@code properties} (empty when none were sent); unmodifiable
 */
public record BrazePurchase(String externalId, String brazeId, String productId, String currency, double price,
                            int quantity, Instant time, String sentTime, String appId,
                            Map<String, Object> properties) {

    public BrazePurchase {
        properties = JsonMaps.unmodifiable(properties);
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object().put("external_id", externalId).put("braze_id", brazeId)
                .put("product_id", productId).put("currency", currency).put("price", price)
                .put("quantity", quantity).put("time", time.toString()).put("sent_time", sentTime)
                .put("app_id", appId);
        node.set("properties", Json.mapper().valueToTree(properties));
        return node;
    }
}
