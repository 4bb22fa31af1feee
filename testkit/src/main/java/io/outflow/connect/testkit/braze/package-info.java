/**
 * {@link io.outflow.connect.testkit.braze.BrazeFake}: a stateful fake of Braze's {@code POST /users/track} and
 * {@code POST /users/delete}. Sources: braze-docs {@code _docs/_api/endpoints/user_data/post_user_track.md},
 * {@code post_user_delete.md}, {@code _docs/_api/objects_filters/{user_attributes,event,purchase}_object.md},
 * {@code _docs/_api/errors.md}, braze.com/docs/api/api_limits. [3P] marks what was seen only in recorded Braze
 * answers in client code (RudderStack's fixtures); "chosen" marks where the docs are silent (each is an option
 * of the builder or a text of {@code TrackErrors}).
 * <ul>
 *   <li>Both endpoints need {@code Authorization: Bearer <REST API key>}; otherwise 401
 *       {@code {"message":"Invalid API Key"}} [3P], with no rate-limit headers.</li>
 *   <li>{@code POST /users/track} {@code {"attributes":[..],"events":[..],"purchases":[..]}}, any subset.
 *       Fatal, 400 {@code {"message":<text>,"errors":[..]}}, nothing processed: not JSON, not an object, or an
 *       array field that is not an array → "Bad Request" with {@code [{"type":<detail>}]}; no object at all →
 *       "Valid data must be provided in the 'attributes', 'events', or 'purchases' fields." [3P] with
 *       {@code []}; more than maxObjectsPerRequest (75) objects across the three arrays → "Max Input Length
 *       Exceeded" with {@code [{"type":<detail>}]}; every object invalid → the "Valid data..." text with every
 *       object's error (allInvalidIsFatal, [3P]).</li>
 *   <li>Otherwise 201 (chosen: the docs name no status; Braze answers 201) {@code {"message":"success",
 *       "attributes_processed":a,"events_processed":e,"purchases_processed":p,"errors":[{"type":<reason>,
 *       "input_array":"attributes"|"events"|"purchases","index":i}]}}: a count only for each array the request
 *       carried (post_user_track.md: "if attributes are included in the request"), counting objects applied;
 *       {@code errors} only when not empty, sorted by array (attributes, events, purchases) then index, the
 *       index being the object's position in its own array. Objects are applied attributes first, then
 *       events, then purchases (api_limits), so an event may rely on a profile created in the same request.</li>
 *   <li>Every object needs one of external_id, braze_id, user_alias {@code {"alias_name","alias_label"}}, email,
 *       phone (precedence in that order, chosen; docs: email wins over phone) →
 *       "'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required" [3P]. An identifier present
 *       but not a non-empty string (alias: both fields) → "'&lt;field&gt;' is not valid". An unknown
 *       external_id, email or phone creates the profile; {@code "_update_existing_only": true} (default for
 *       user_alias; always for braze_id, which Braze assigns) does not, and answers "user not found: no profile
 *       matches and '_update_existing_only' is true" or "user not found: no profile has this 'braze_id'"
 *       (chosen; reportUnknownUsers(false) counts the object as processed and drops it). Several profiles with
 *       one email or phone: the most recently updated one with an external_id, else the most recently updated
 *       (post_user_track.md FAQ). {@code "push_token_import": true} with no identifier creates an anonymous
 *       profile and needs a non-empty {@code push_tokens}.</li>
 *   <li>Attributes: every other key sets a profile field or custom attribute, stored as sent (dates are not
 *       parsed); {@code null} removes it; {@code {"inc":n}} increments; {@code {"add":[..],"remove":[..]}} edits
 *       an array (add first); arrays keep unique values. Custom attributes only: key over 255 characters → "a
 *       custom attribute key is longer than 255 characters"; a string (also inside nested objects and arrays)
 *       over 255 → "'&lt;key&gt;' is longer than 255 characters"; more than maxArrayLength (25) items →
 *       "'&lt;key&gt;' has more than 25 items" (chosen: an error, the docs only give the limit); incrementing a
 *       non-integer or editing a non-array → an error naming the key. An errored object changes nothing.</li>
 *   <li>Events: {@code name} (non-empty string) and {@code time} required → "'name' is required",
 *       "'time' is required", or "'&lt;field&gt;' is not valid". {@code time} is ISO 8601 with offset, local
 *       (UTC), a date (midnight UTC) or {@code yyyy-MM-dd'T'HH:mm:ss:SSSZ}; numbers are invalid; a future time is
 *       recorded as now. {@code properties}: names non-empty, ≤255, no leading {@code $}, not {@code time} or
 *       {@code event_name}; strings ≤255; with nested values ≤100 KB. Never deduplicated.</li>
 *   <li>Purchases: {@code product_id} (≤255), {@code currency} (three letters), {@code price} (number),
 *       {@code time} required; {@code quantity} an integer 1..100, default 1 ("'quantity' is not valid" [3P]);
 *       properties as for events (no reserved names, ≤50 KB nested). Never deduplicated.</li>
 *   <li>{@code POST /users/delete} with exactly one of {@code external_ids}, {@code braze_ids} (strings),
 *       {@code user_aliases} (alias objects), {@code email_addresses} ({@code {"email","prioritization"}}),
 *       {@code phone_numbers} ({@code {"phone","prioritization"}}, field name chosen) →
 *       202 {@code {"deleted":n,"message":"success"}} (status and "message" chosen; the docs show only
 *       "deleted"), n counting profiles found and deleted (deleteCountsUnknownIds to count all). 400
 *       {@code {"message":..}}: none or two lists ("Only one of ... can be included in a single request"),
 *       more than 50 ("The max number of external_ids and aliases per request was exceeded" for external_ids
 *       and aliases, "The max number of ids per request was exceeded" otherwise, errors.md), a malformed
 *       entry, or a body that is not a JSON object ("Bad Request"). Events and purchases of a deleted profile
 *       stay recorded.</li>
 *   <li>Rate limits per endpoint: /users/track 3,000 per 3 s (the shared {@code rateLimit} option),
 *       /users/delete 20,000 per minute. Every answer of both endpoints carries {@code X-RateLimit-Limit},
 *       {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (epoch seconds, rounded up, when the oldest
 *       counted request leaves the rolling window); over the limit 429 {@code {"message":"Rate Limited"}} with
 *       those headers and, only with retryAfterOnRateLimit, {@code Retry-After}. Names lower case by default
 *       (Braze over HTTP/2), but the JDK server sends every name as {@code X-ratelimit-limit}: see
 *       {@link io.outflow.connect.testkit.braze.BrazeResponses}.</li>
 *   <li>Random faults hit both endpoints; injected answers are {@code {"message":"Internal Server Error"}}
 *       (500), {@code "Service Unavailable"} (503), {@code "Rate Limited"} (429). A request applied and then
 *       dropped counts in {@code appliedThenDropped()}: the bound on duplicate events a retrying client causes.</li>
 *   <li>{@code GET /_fake/state} (every profile, totals, the last 100 events, purchases, errors and deleted
 *       ids) and {@code GET /_fake/requests}: no auth, never limited or faulted.</li>
 * </ul>
 */
package io.outflow.connect.testkit.braze;
