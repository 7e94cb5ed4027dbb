package io.wem.console.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Path segments taken from the browser are encoded before they reach a service's URL (no "../" walks). */
final class Paths {

    private Paths() {
    }

    static String segment(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
