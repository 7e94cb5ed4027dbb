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
        String traceparent = request.getHeaderString("traceparent");
        String id = null;
        if (traceparent != null) {
            String[] parts = traceparent.split("-");
            if (parts.length >= 2 && parts[1].length() == 32) {
                id = parts[1];
            }
        }
        MDC.put(MDC_KEY, id != null ? id : UUID.randomUUID().toString().replace("-", ""));
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
