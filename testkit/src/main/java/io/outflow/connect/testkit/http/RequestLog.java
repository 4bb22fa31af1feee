package io.outflow.connect.testkit.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Every request a server received, in the order they were answered; thread-safe, readable and clearable by tests. */
public final class RequestLog {

    private final List<LoggedRequest> entries = new ArrayList<>();

    synchronized void add(LoggedRequest entry) {
        entries.add(entry);
    }

    /** A snapshot copy. */
    public synchronized List<LoggedRequest> entries() {
        return List.copyOf(entries);
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long count(Predicate<LoggedRequest> filter) {
        return entries.stream().filter(filter).count();
    }

    /** Requests that matched the named route, e.g. {@code count("POST /v1/items/batch")}. */
    public long countRoute(String routeName) {
        return count(e -> routeName.equals(e.route()));
    }

    public synchronized void clear() {
        entries.clear();
    }

    /**
     * Counts of non-inspection requests by status, route and fault: the body of GET /_fake/requests.
     * Inspection requests are left out so a polling demo does not drown the numbers.
     */
    public synchronized ObjectNode summary() {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byRoute = new TreeMap<>();
        Map<String, Long> byFault = new TreeMap<>();
        long total = 0;
        long dropped = 0;
        for (LoggedRequest e : entries) {
            if (e.inspection()) {
                continue;
            }
            total++;
            if (e.dropped()) {
                dropped++;
            } else {
                byStatus.merge(Integer.toString(e.status()), 1L, Long::sum);
            }
            byRoute.merge(e.route() == null ? "(no route)" : e.route(), 1L, Long::sum);
            if (e.fault() != null) {
                byFault.merge(e.fault().name(), 1L, Long::sum);
            }
        }
        ObjectNode summary = Json.object().put("total", total).put("dropped", dropped);
        summary.set("byStatus", Json.mapper().valueToTree(byStatus));
        summary.set("byRoute", Json.mapper().valueToTree(byRoute));
        summary.set("byFault", Json.mapper().valueToTree(byFault));
        return summary;
    }
}
