package io.wem.governance.client;

import io.wem.common.access.ServiceAccess;
import io.wem.governance.config.GovernanceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads the other services' published access matrices with governance-service's client credentials. One attempt
 * with the access-matrix timeout: the caller keeps the last good answer and reports a failure, so retrying here would
 * only delay the page.
 */
@ApplicationScoped
public class AccessMatrixClients {

    @Inject
    GovernanceConfig config;

    @Inject
    SubjectClients services;

    private final Map<String, AccessMatrixApi> clients = new ConcurrentHashMap<>();

    /** service name → base URL of the services other than governance. */
    public Map<String, String> services() {
        return services.services();
    }

    public ServiceAccess.Published fetch(String service) {
        long timeout = config.accessMatrix().timeout().toMillis();
        AccessMatrixApi api = clients.computeIfAbsent(service, s -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(services().get(s)))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(AccessMatrixApi.class));
        return api.published(services.bearer());
    }
}
