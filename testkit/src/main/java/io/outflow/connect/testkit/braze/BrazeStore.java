package io.outflow.connect.testkit.braze;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outflow.connect.testkit.http.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The destination's data: profiles (looked up by external_id, braze_id, alias, email or phone), every event
 * and purchase in arrival order, every identifier a delete asked for, and totals. A track request is applied
 * under one lock, so concurrent requests never interleave. Thread-safe.
 */
final class BrazeStore {

    /** How many recent events, purchases, errors and deleted ids GET /_fake/state lists. */
    private static final int STATE_RECENT = 100;

    /** Per-request result: processed objects per array and every per-object error, in processing order. */
    record TrackOutcome(Map<InputArray, Integer> processed, List<TrackError> errors) {
    }

    private final Map<String, BrazeUser> byBrazeId = new LinkedHashMap<>(); // every profile, creation order
    private final Map<String, BrazeUser> byExternalId = new HashMap<>();
    private final Map<UserAlias, BrazeUser> byAlias = new HashMap<>();
    private final List<BrazeEvent> events = new ArrayList<>();
    private final List<BrazePurchase> purchases = new ArrayList<>();
    private final List<String> deletedIds = new ArrayList<>();
    private final List<TrackError> errors = new ArrayList<>();
    private final Map<InputArray, Long> processedTotals = new EnumMap<>(InputArray.class);
    private long fatalRequests;
    private long usersDeleted;
    private long profilesCreated;
    private long updates;

    /** Applies the valid objects in processing order; validation errors are merged into the outcome. */
    synchronized TrackOutcome track(TrackValidator.Validation validation, BrazeSettings settings) {
        Map<InputArray, Integer> processed = new EnumMap<>(InputArray.class);
        List<TrackError> requestErrors = new ArrayList<>(validation.errors());
        for (TrackObject object : validation.valid()) {
            String error = apply(object, settings);
            if (error == null) {
                processed.merge(object.array(), 1, Integer::sum);
                processedTotals.merge(object.array(), 1L, Long::sum);
            } else {
                requestErrors.add(TrackError.of(object.array(), object.index(), error));
            }
        }
        requestErrors.sort(Comparator.comparing((TrackError e) -> InputArray.fromJson(e.inputArray()))
                .thenComparingInt(TrackError::index));
        errors.addAll(requestErrors);
        return new TrackOutcome(processed, List.copyOf(requestErrors));
    }

    /** Null when applied (or, with unknown users not reported, silently dropped), otherwise the error. */
    private String apply(TrackObject object, BrazeSettings settings) {
        BrazeUser user = find(object.user());
        if (user == null && object.updateOnly()) {
            if (!settings.reportUnknownUsers()) {
                return null; // Braze queues the object and drops it later: the answer still counts it
            }
            return object.user().kind() == UserIdentifier.Kind.BRAZE_ID
                    ? TrackErrors.BRAZE_ID_NOT_FOUND : TrackErrors.USER_NOT_FOUND;
        }
        if (object.array() == InputArray.ATTRIBUTES) {
            ObjectNode current = user == null ? Json.object() : user.attributes();
            Check<ObjectNode> next = AttributeUpdate.apply(current, object.object(), settings.maxArrayLength());
            if (next.failed()) {
                return next.error();
            }
            BrazeUser target = user != null ? user : create(object.user());
            target.attributes(next.value());
            target.updated(++updates);
            return null;
        }
        BrazeUser target = user != null ? user : create(object.user());
        target.updated(++updates);
        if (object.event() != null) {
            EventFields e = object.event();
            events.add(new BrazeEvent(target.externalId(), target.brazeId(), e.name(), e.time(), e.sentTime(),
                    e.appId(), JsonMaps.toMap(e.properties())));
        } else {
            PurchaseFields p = object.purchase();
            purchases.add(new BrazePurchase(target.externalId(), target.brazeId(), p.productId(), p.currency(),
                    p.price(), p.quantity(), p.time(), p.sentTime(), p.appId(), JsonMaps.toMap(p.properties())));
        }
        return null;
    }

    private BrazeUser find(UserIdentifier id) {
        return switch (id.kind()) {
            case EXTERNAL_ID -> byExternalId.get(id.value());
            case BRAZE_ID -> byBrazeId.get(id.value());
            case USER_ALIAS -> byAlias.get(id.alias());
            case EMAIL, PHONE -> byField(id.kind().field(), id.value());
            case PUSH_TOKEN_IMPORT -> null;
        };
    }

    /**
     * "If the external_id exists, the most recently updated profile with an external ID will be prioritized for
     * updates. If the external_id doesn't exist, the most recently updated profile" (post_user_track.md FAQ).
     * Values are compared exactly (the docs do not say whether Braze normalizes case).
     */
    private BrazeUser byField(String field, String value) {
        List<BrazeUser> matches = matching(field, value);
        List<BrazeUser> identified = matches.stream().filter(u -> u.externalId() != null).toList();
        return (identified.isEmpty() ? matches : identified).stream()
                .max(Comparator.comparingLong(BrazeUser::lastUpdate)).orElse(null);
    }

    private List<BrazeUser> matching(String field, String value) {
        return byBrazeId.values().stream().filter(u -> value.equals(u.text(field))).toList();
    }

    private BrazeUser create(UserIdentifier id) {
        BrazeUser user = new BrazeUser(String.format("%024x", ++profilesCreated));
        switch (id.kind()) {
            case EXTERNAL_ID -> {
                user.externalId(id.value());
                byExternalId.put(id.value(), user);
            }
            case USER_ALIAS -> {
                user.aliases().add(id.alias());
                byAlias.put(id.alias(), user);
            }
            case EMAIL, PHONE -> user.attributes().put(id.kind().field(), id.value());
            default -> {
                // braze_id never creates; a push-token import is an anonymous profile.
            }
        }
        byBrazeId.put(user.brazeId(), user);
        return user;
    }

    /** Deletes the profile each target names; returns the answer's {@code deleted}. */
    synchronized int delete(List<DeleteTarget> targets, boolean countUnknown) {
        int deleted = 0;
        for (DeleteTarget target : targets) {
            deletedIds.add(target.display());
            Optional<BrazeUser> user = match(target);
            user.ifPresent(this::remove);
            if (user.isPresent() || countUnknown) {
                deleted++;
            }
        }
        return deleted;
    }

    private Optional<BrazeUser> match(DeleteTarget target) {
        return switch (target.type()) {
            case EXTERNAL_IDS -> Optional.ofNullable(byExternalId.get(target.value()));
            case BRAZE_IDS -> Optional.ofNullable(byBrazeId.get(target.value()));
            case USER_ALIASES -> Optional.ofNullable(byAlias.get(target.alias()));
            case EMAIL_ADDRESSES -> prioritized(matching("email", target.value()), target.prioritization());
            case PHONE_NUMBERS -> prioritized(matching("phone", target.value()), target.prioritization());
        };
    }

    /**
     * post_user_delete.md: prioritization "should specify which user to delete if there are multiple users ...
     * deleting users will not occur if more than one user matches". Each entry narrows the candidates in order
     * ({@code identified}/{@code unidentified} only when some candidate qualifies, a preference rather than a
     * filter, which the docs leave open); exactly one must remain.
     */
    private static Optional<BrazeUser> prioritized(List<BrazeUser> candidates, List<String> prioritization) {
        List<BrazeUser> remaining = candidates;
        for (String priority : prioritization) {
            remaining = switch (priority) {
                case "identified" -> preferred(remaining, u -> u.externalId() != null);
                case "unidentified" -> preferred(remaining, u -> u.externalId() == null);
                default -> remaining.stream().max(Comparator.comparingLong(BrazeUser::lastUpdate)).stream().toList();
            };
        }
        return remaining.size() == 1 ? Optional.of(remaining.get(0)) : Optional.empty();
    }

    private static List<BrazeUser> preferred(List<BrazeUser> users, Predicate<BrazeUser> test) {
        List<BrazeUser> narrowed = users.stream().filter(test).toList();
        return narrowed.isEmpty() ? users : narrowed;
    }

    private void remove(BrazeUser user) {
        byBrazeId.remove(user.brazeId());
        if (user.externalId() != null) {
            byExternalId.remove(user.externalId());
        }
        user.aliases().forEach(byAlias::remove);
        usersDeleted++;
    }

    synchronized void fatalRequest() {
        fatalRequests++;
    }

    /** Profiles with an external_id: external_id → attributes, creation order; a fresh copy. */
    synchronized Map<String, Map<String, Object>> users() {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        byBrazeId.values().stream().filter(u -> u.externalId() != null)
                .forEach(u -> copy.put(u.externalId(), JsonMaps.toMap(u.attributes())));
        return copy;
    }

    synchronized Optional<Map<String, Object>> user(String externalId) {
        return Optional.ofNullable(byExternalId.get(externalId)).map(u -> JsonMaps.toMap(u.attributes()));
    }

    synchronized List<BrazeProfile> profiles() {
        return byBrazeId.values().stream().map(BrazeUser::snapshot).toList();
    }

    synchronized List<BrazeEvent> events() {
        return List.copyOf(events);
    }

    synchronized List<BrazePurchase> purchases() {
        return List.copyOf(purchases);
    }

    synchronized List<String> deletedIds() {
        return List.copyOf(deletedIds);
    }

    synchronized List<TrackError> errors() {
        return List.copyOf(errors);
    }

    synchronized BrazeCounts counts(long rateLimited) {
        return new BrazeCounts(processedTotals.getOrDefault(InputArray.ATTRIBUTES, 0L),
                processedTotals.getOrDefault(InputArray.EVENTS, 0L),
                processedTotals.getOrDefault(InputArray.PURCHASES, 0L),
                errors.size(), fatalRequests, usersDeleted, rateLimited);
    }

    synchronized void reset() {
        byBrazeId.clear();
        byExternalId.clear();
        byAlias.clear();
        events.clear();
        purchases.clear();
        deletedIds.clear();
        errors.clear();
        processedTotals.clear();
        fatalRequests = 0;
        usersDeleted = 0;
        profilesCreated = 0;
        updates = 0;
    }

    /** GET /_fake/state: every profile, the most recent events, purchases, errors and deletes, and totals. */
    synchronized ObjectNode toJson(long rateLimited) {
        ObjectNode state = Json.object();
        ArrayNode users = state.putArray("users");
        byBrazeId.values().forEach(u -> users.add(u.toJson()));
        state.set("counts", Json.mapper().valueToTree(counts(rateLimited)));
        state.put("profiles", byBrazeId.size());
        state.put("events", events.size());
        state.put("purchases", purchases.size());
        recent(state.putArray("recentEvents"), events, BrazeEvent::toJson);
        recent(state.putArray("recentPurchases"), purchases, BrazePurchase::toJson);
        recent(state.putArray("recentErrors"), errors, TrackError::toJson);
        recent(state.putArray("recentDeletedIds"), deletedIds, Json.mapper().getNodeFactory()::textNode);
        return state;
    }

    private static <T> void recent(ArrayNode target, List<T> all, Function<T, ? extends JsonNode> toJson) {
        all.subList(Math.max(0, all.size() - STATE_RECENT), all.size()).forEach(item -> target.add(toJson.apply(item)));
    }
}
