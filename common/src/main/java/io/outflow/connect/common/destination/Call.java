package io.outflow.connect.common.destination;

/**
 * One attempt at delivering one batch: a short conversation with the destination. Most calls are one request and
 * one response; an asynchronous acknowledgement (Zendesk's jobs) polls until the job's outcomes arrive, and a
 * lookup-before-delete (HubSpot) reads ids before archiving. The engine sends each request (with rate limiting,
 * authentication and retries of that request) and hands every successful (2xx) response to {@link #onResponse}.
 * Non-2xx answers are classified by {@link Destination#classify} and the engine, not here.
 *
 * <p>A call is used by one thread at a time (the engine's), so it may keep state such as a job id.
 */
public interface Call {
    /** The conversation's first request. */
    HttpRequestSpec firstRequest();

    /**
     * Reads a successful response to the request last sent.
     *
     * @return outcomes for the whole batch, the next request, or a failure of this step
     */
    Step onResponse(HttpResult response);
}
