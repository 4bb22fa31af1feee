package io.outflow.connect.braze;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A purchase object: {@code product_id}, {@code currency}, {@code price} and {@code time} required,
 * {@code quantity} (Braze's default 1) and {@code app_id} optional, every other field a property (braze-docs
 * purchase_object.md, summarised in destinations.md).
 */
final class PurchaseContent implements TrackContent {
    static final String PRODUCT_ID = "product_id";
    static final String CURRENCY = "currency";
    static final String PRICE = "price";
    static final String QUANTITY = "quantity";
    private static final Set<String> OWN = Set.of(PRODUCT_ID, CURRENCY, PRICE, QUANTITY, ActivityFields.TIME,
            ActivityFields.APP_ID);

    private final Identity identity;

    PurchaseContent(Identity identity) {
        this.identity = identity;
    }

    @Override
    public Map<String, Object> content(Map<String, Object> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(PRODUCT_ID, ActivityFields.requiredText(fields, PRODUCT_ID));
        out.put(CURRENCY, ActivityFields.requiredText(fields, CURRENCY));
        out.put(PRICE, ActivityFields.requiredNumber(fields, PRICE));
        Object quantity = fields.get(QUANTITY);
        if (quantity != null) {
            out.put(QUANTITY, ActivityFields.number(QUANTITY, quantity));
        }
        out.put(ActivityFields.TIME, ActivityFields.time(fields));
        ActivityFields.putIfPresent(out, fields, ActivityFields.APP_ID);
        Map<String, Object> properties = ActivityFields.properties(fields, OWN, identity);
        if (!properties.isEmpty()) {
            out.put(ActivityFields.PROPERTIES, properties);
        }
        return out;
    }
}
