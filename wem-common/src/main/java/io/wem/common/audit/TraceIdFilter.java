package io.wem.common.audit;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;

/**
 * Gives every request a trace id (the W3C traceparent's trace id when the caller sent one) so logs and audit
 * records of one request can be joined; it is echoed in the X-Trace-Id response header.
 */
public class TraceIdFilter {
    public static final String MDC_KEY = "traceId";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = traceIdOf(request.getHeaderString("traceparent"));
        MDC.put(MDC_KEY, id != null ? id : UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * The trace id of a well-formed W3C traceparent ({@code version-traceid-parentid-flags}, lower-case hex,
     * neither id all zeros), or null. Anything else is ignored: the id ends up in logs and audit records, so a
     * caller must not be able to put arbitrary text there.
     */
    static String traceIdOf(String traceparent) {
        if (traceparent == null || traceparent.length() != 55) {
            return null;
        }
        String[] parts = traceparent.split("-", -1);
        if (parts.length != 4 || parts[0].length() != 2 || parts[1].length() != 32 || parts[2].length() != 16
                || parts[3].length() != 2 || parts[0].equals("ff")) {
            return null;
        }
        for (String part : parts) {
            if (!isLowerHex(part)) {
                return null;
            }
        }
        if (parts[1].chars().allMatch(c -> c == '0') || parts[2].chars().allMatch(c -> c == '0')) {
            return null;
        }
        return parts[1];
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @ServerResponseFilter
    public void echo(ContainerResponseContext response) {
        Object id = MDC.get(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle("X-Trace-Id", id.toString());
        }
        MDC.remove(MDC_KEY);
    }
}
