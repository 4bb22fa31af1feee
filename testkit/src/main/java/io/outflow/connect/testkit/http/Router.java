package io.outflow.connect.testkit.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds the first registered route matching a request; registration order decides ties. */
final class Router {

    /** A matched route with the parameters taken from the path. */
    record Match(Route route, Map<String, String> pathParams) {
    }

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> params = route.path().match(path);
                if (params.isPresent()) {
                    return Optional.of(new Match(route, params.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** True when some route has this path under another method: the answer is then 405, not 404. */
    boolean pathExists(String path) {
        return routes.stream().anyMatch(r -> r.path().match(path).isPresent());
    }
}
