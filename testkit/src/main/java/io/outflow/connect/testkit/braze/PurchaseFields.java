package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A valid purchase object's content (braze-docs {@code _docs/_api/objects_filters/purchase_object.md}):
 * {@code product_id} (required, up to 255 characters), {@code currency} (required, "ISO 4217 Alphabetic
 * Currency Code": three letters; whether lower case is accepted is not documented, it is here),
 * {@code price} (required, number), {@code quantity} (optional, integer, "defaults to 1, must be <= 100";
 * below 1 is rejected too, the docs being silent), {@code time} (required) and optional {@code properties}.
 */
record PurchaseFields(String productId, String currency, double price, int quantity, Instant time,
                      String sentTime, String appId, ObjectNode properties) {

    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final int MAX_QUANTITY = 100;

    static Check<PurchaseFields> check(ObjectNode purchase, Instant now) {
        JsonNode productId = purchase.get("product_id");
        if (productId == null || productId.isNull()) {
            return Check.fail(TrackErrors.required("product_id"));
        }
        if (!productId.isTextual() || productId.textValue().isEmpty()) {
            return Check.fail(TrackErrors.notValid("product_id"));
        }
        if (productId.textValue().length() > AttributeUpdate.MAX_LENGTH) {
            return Check.fail(TrackErrors.tooLong("product_id"));
        }
        JsonNode currency = purchase.get("currency");
        if (currency == null || currency.isNull()) {
            return Check.fail(TrackErrors.required("currency"));
        }
        if (!currency.isTextual() || !CURRENCY.matcher(currency.textValue()).matches()) {
            return Check.fail(TrackErrors.notValid("currency"));
        }
        JsonNode price = purchase.get("price");
        if (price == null || price.isNull()) {
            return Check.fail(TrackErrors.required("price"));
        }
        if (!price.isNumber()) {
            return Check.fail(TrackErrors.notValid("price"));
        }
        Check<Integer> quantity = quantity(purchase.get("quantity"));
        if (quantity.failed()) {
            return Check.fail(quantity.error());
        }
        Check<Instant> time = EventFields.requiredTime(purchase, now);
        if (time.failed()) {
            return Check.fail(time.error());
        }
        Check<String> appId = EventFields.optionalText(purchase, "app_id");
        if (appId.failed()) {
            return Check.fail(appId.error());
        }
        Check<ObjectNode> properties = EventProperties.check(purchase.get("properties"), Set.of(),
                EventProperties.PURCHASE_MAX_KB);
        if (properties.failed()) {
            return Check.fail(properties.error());
        }
        return Check.ok(new PurchaseFields(productId.textValue(), currency.textValue(), price.doubleValue(),
                quantity.value(), time.value(), purchase.get("time").textValue(), appId.value(), properties.value()));
    }

    private static Check<Integer> quantity(JsonNode quantity) {
        if (quantity == null || quantity.isNull()) {
            return Check.ok(1);
        }
        if (!quantity.isIntegralNumber() || quantity.longValue() < 1 || quantity.longValue() > MAX_QUANTITY) {
            return Check.fail(TrackErrors.notValid("quantity"));
        }
        return Check.ok(quantity.intValue());
    }
}
