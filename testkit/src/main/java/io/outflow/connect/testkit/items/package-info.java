/**
 * {@link io.outflow.connect.testkit.items.ItemsApiFake}: a generic JSON batch API the delivery engine is
 * tested against. The contract (kept exactly; the engine's test destination is written against it):
 * <ul>
 *   <li>Every endpoint but {@code /_fake/*} needs {@code Authorization: Bearer <token>}; otherwise
 *       401 {@code {"error":"UNAUTHORIZED","message":"invalid token"}}.</li>
 *   <li>{@code POST /v1/items/batch} {@code {"items":[{"key":"k1","fields":{..}},..]}}: each valid item's
 *       stored value becomes exactly {@code fields}. Whole-request checks, in input order, nothing applied on
 *       failure: more than maxBatchSize items → 400 BATCH_TOO_LARGE; an item without a non-empty string
 *       {@code key}, or whose {@code fields} is not an object, or a body without an {@code items} array, or
 *       invalid JSON → 400 INVALID_REQUEST; a key repeated → 400 DUPLICATE_KEY
 *       {@code "duplicate key in batch: <key>"}. Error bodies are {@code {"error":CODE,"message":..}}.
 *       Per item (partial success): a present {@code email} (JSON null included) that is not a string
 *       containing "@" → INVALID_EMAIL; a present {@code score} that is not a number in [0,100] →
 *       OUT_OF_RANGE. Answer 200 {@code {"results":[{"index":0,"status":"ok"},{"index":1,"status":"error",
 *       "error":{"code":"INVALID_EMAIL","message":"email must contain @","field":"email"}}]}}, one per input
 *       in input order.</li>
 *   <li>{@code POST /v1/items/delete} {@code {"keys":["k1",..]}} → 200 {@code {"results":[{"index":0,
 *       "status":"ok"},..]}}; unknown keys are ok. Same BATCH_TOO_LARGE limit; a key that is not a non-empty
 *       string → 400 INVALID_REQUEST.</li>
 *   <li>{@code POST /v1/jobs} (same body and 400 checks as the batch) → 202
 *       {@code {"job":{"id":"<uuid>","status":"queued"}}}; with maxQueuedJobs queued or working already →
 *       429 {@code {"error":"TOO_MANY_JOBS"}} with {@code Retry-After: 1}. {@code GET /v1/jobs/{id}} → 200
 *       {@code {"job":{"id":..,"status":"queued"|"working"|"completed"|"failed"}}} with {@code "results"}
 *       (same shape as the batch) when completed, {@code "message":"internal error"} when failed (nothing
 *       applied); unknown id → 404. Queued for the first half of jobDelayMs, working for the second half.</li>
 *   <li>With a rate limit, every authenticated non-inspection request is counted and its answer carries
 *       {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining}, {@code X-RateLimit-Reset} (epoch seconds,
 *       rounded up, when the oldest counted request leaves the window); over the limit → 429
 *       {@code {"error":"RATE_LIMITED"}} with {@code Retry-After} (seconds, rounded up, at least 1) unless
 *       disabled.</li>
 *   <li>{@code GET /_fake/state} (items, upserts per key, totalApplied, deletedKeys, jobs by status) and
 *       {@code GET /_fake/requests}: no auth, never limited or faulted.</li>
 * </ul>
 */
package io.outflow.connect.testkit.items;
