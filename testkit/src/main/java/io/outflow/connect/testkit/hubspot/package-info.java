/**
 * {@link io.outflow.connect.testkit.hubspot.HubSpotFake}: a fake of HubSpot's CRM v3 batch API, its OAuth token
 * endpoint and its rate limits, after the OpenAPI spec PublicApiSpecs/CRM/Objects/Rollouts/424/v3/objects.json
 * and HubSpot's API usage guidelines. The contract:
 * <ul>
 *   <li>API calls need {@code Authorization: Bearer <token>}: a private app's token (builder
 *       {@code accessToken}) or an unexpired OAuth access token from the token endpoint. Otherwise 401
 *       {@code {"status":"error","message":"Authentication credentials not found. This API supports OAuth 2.0
 *       authentication ...","correlationId":"<uuid>","category":"INVALID_AUTHENTICATION"}}.</li>
 *   <li>{@code POST /crm/v3/objects/{objectType}/batch/upsert}
 *       {@code {"inputs":[{"idProperty":"email","id":"a@x.com","properties":{"firstname":"A"}}]}}:
 *       {@code idProperty} is in each input. Whole-request checks, nothing applied on failure, 400
 *       {@code {"status":"error","message":..,"category":"VALIDATION_ERROR","correlationId":..}}: body not a JSON
 *       object; no {@code inputs} array; more than maxBatchInputs (100) inputs; an input without a non-empty
 *       string {@code id} or {@code idProperty}, or without a {@code properties} object; a property value that is
 *       not a string (null included: the spec types them {@code string}); the same object twice
 *       ("Duplicate IDs found in batch input: [a@x.com]", emails compared ignoring case).
 *       Per input (partial success): an invalid email (the id when idProperty is email, any {@code email}
 *       property), a date property not at midnight UTC, a datetime property not integer epoch ms, a number
 *       property not a plain decimal. Invalid inputs are not applied, valid ones are. An empty value clears a
 *       property. An input matching no object (by its id property; emails lower-cased) creates one with the next
 *       numeric internal id ("1001", "1002", ...); otherwise its properties are merged in. Answer 200, or 207 when
 *       some input was refused:
 *       {@code {"status":"COMPLETE","results":[{"id":"1001","properties":{..,"hs_object_id":"1001"},
 *       "createdAt":"2030-01-01T00:00:00.000Z","updatedAt":..,"archived":false,"new":true}],"numErrors":1,
 *       "errors":[{"status":"error","category":"VALIDATION_ERROR","message":"Property values were not valid:
 *       [{\"isValid\":false,..}]","context":{"ids":["<id as sent>"]},"errors":[{"message":..,"code":"INVALID_EMAIL",
 *       "in":"email"}]}],"startedAt":..,"completedAt":..}} ({@code numErrors}/{@code errors} only on 207).
 *       Errors carry no input index; {@code errorsWithoutIds} also drops {@code context}.</li>
 *   <li>{@code POST .../batch/read} {@code {"idProperty":"email","inputs":[{"id":..}],"properties":[..]}}:
 *       {@code idProperty} is top-level and optional (internal ids without it). Results carry the requested
 *       properties (null when unset) plus {@code hs_object_id}; ids not found make a 207 with one error
 *       {@code {"status":"error","category":"OBJECT_NOT_FOUND","message":"Could not get some CONTACT objects, they
 *       may be deleted or not exist. Check that ids are valid.","context":{"ids":[..]}}}.</li>
 *   <li>{@code POST .../batch/archive} {@code {"inputs":[{"id":"1001"}]}} (internal ids) → 204, no body;
 *       unknown ids are ignored.</li>
 *   <li>{@code POST /oauth/v1/token}, form {@code grant_type=refresh_token&client_id&client_secret&refresh_token}
 *       → 200 {@code {"token_type":"bearer","refresh_token":..,"access_token":..,"expires_in":1800}}, or 400
 *       {@code {"status":"BAD_GRANT_TYPE"|"BAD_CLIENT_ID"|"BAD_CLIENT_SECRET"|"BAD_REFRESH_TOKEN","message":..,
 *       "correlationId":..}}. Not authenticated, not rate-limited, not faulted.</li>
 *   <li>Every authenticated API answer carries {@code X-HubSpot-RateLimit-Max}, {@code -Remaining},
 *       {@code -Interval-Milliseconds} (default 100 per 10,000 ms); private-app answers also
 *       {@code X-HubSpot-RateLimit-Daily} and {@code -Daily-Remaining}. Over the window: 429
 *       {@code {"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":
 *       "RATE_LIMIT","correlationId":..,"policyName":"TEN_SECONDLY_ROLLING"}} without Retry-After; over the daily
 *       quota or while {@code exhaustDailyLimit(true)}: the same with "You have reached your daily limit." and
 *       {@code "policyName":"DAILY"}.</li>
 *   <li>{@code GET /_fake/state} (objects per type, writes, archived ids, 429 counts, daily usage, tokens
 *       issued) and {@code GET /_fake/requests}: no auth, never limited or faulted.</li>
 * </ul>
 */
package io.outflow.connect.testkit.hubspot;
