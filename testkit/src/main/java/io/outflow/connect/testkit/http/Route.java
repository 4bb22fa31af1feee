package io.outflow.connect.testkit.http;

import java.util.Locale;

/** A method + path pattern bound to a handler, with the kind deciding which server checks apply. */
public record Route(String method, PathPattern path, RouteKind kind, RouteHandler handler) {

    public Route {
        method = method.toUpperCase(Locale.ROOT);
    }

    /** "POST /v1/items/batch": used as the route's name in logs and request summaries. */
    public String name() {
        return method + " " + path;
    }
}
