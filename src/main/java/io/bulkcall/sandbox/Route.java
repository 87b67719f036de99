package io.bulkcall.sandbox;

import java.util.List;

/**
 * Which endpoint a request is for, and the batch or call id in its path.
 *
 * @param id the {@code batch_id} or {@code call_id} of the path, {@code null} for create and the lists
 */
record Route(SandboxEndpoint endpoint, String id) {

    private static final List<String> PREFIX = List.of("", "agents", "calls");

    /** Routes a request; an unknown path is a 404, a known path with the wrong method a 405. */
    static Route of(String method, String rawPath) {
        List<String> segments = List.of(rawPath.split("/", -1));
        if (segments.size() < 3 || !segments.subList(0, 3).equals(PREFIX)) {
            throw unknown(method, rawPath);
        }
        List<String> rest = segments.subList(3, segments.size());
        if (rest.contains("")) {
            throw unknown(method, rawPath);
        }
        if (rest.isEmpty()) {
            return only("GET", method, rawPath, new Route(SandboxEndpoint.LIST_CALLS, null));
        }
        boolean batches = rest.get(0).equals("batches");
        if (batches && rest.size() == 1) {
            return switch (method) {
                case "POST" -> new Route(SandboxEndpoint.CREATE_BATCH, null);
                case "GET" -> new Route(SandboxEndpoint.LIST_BATCHES, null);
                default -> throw notAllowed(method, rawPath);
            };
        }
        if (batches && rest.size() == 2) {
            return only("GET", method, rawPath, new Route(SandboxEndpoint.GET_BATCH, rest.get(1)));
        }
        if (batches && rest.size() == 3 && rest.get(2).equals("retry")) {
            return only("POST", method, rawPath, new Route(SandboxEndpoint.RETRY_BATCH, rest.get(1)));
        }
        if (batches && rest.size() == 3 && rest.get(2).equals("cancel")) {
            return only("POST", method, rawPath, new Route(SandboxEndpoint.CANCEL_BATCH, rest.get(1)));
        }
        if (!batches && rest.size() == 1) {
            return only("GET", method, rawPath, new Route(SandboxEndpoint.GET_CALL, rest.get(0)));
        }
        throw unknown(method, rawPath);
    }

    private static Route only(String allowed, String method, String rawPath, Route route) {
        if (!allowed.equals(method)) {
            throw notAllowed(method, rawPath);
        }
        return route;
    }

    private static ApiErrorException unknown(String method, String rawPath) {
        return ApiError.NOT_FOUND.exception("no endpoint " + method + " " + rawPath);
    }

    private static ApiErrorException notAllowed(String method, String rawPath) {
        return ApiError.METHOD_NOT_ALLOWED.exception(method + " is not allowed on " + rawPath);
    }
}
