package io.outflow.connect.testkit.http;

/** Turns a request into an answer. May throw {@link FakeHttpException} to answer early. */
@FunctionalInterface
public interface RouteHandler {

    FakeResponse handle(FakeRequest request) throws Exception;
}
