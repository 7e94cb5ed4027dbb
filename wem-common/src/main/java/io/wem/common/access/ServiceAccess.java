package io.wem.common.access;

import io.wem.common.retention.PersonalDataStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * This service's endpoints as its running code declares them: every resource class the application serves (in
 * Quarkus REST they are CDI beans), read once by {@link EndpointInventory}.
 */
@ApplicationScoped
public class ServiceAccess {

    /** What a service publishes; {@code undeclared} lists operations without a data-class declaration. */
    public record Published(String service, List<Endpoint> endpoints, List<String> undeclared) {
    }

    @Inject
    BeanManager beans;

    @Inject
    Instance<PersonalDataStore> stores;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile Published published;

    public Published published() {
        if (published == null) {
            // the code does not change while the service runs: build once
            List<Class<?>> resources = new ArrayList<>();
            for (Bean<?> b : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                if (EndpointInventory.resourceOf(b.getBeanClass()) != null) {
                    resources.add(b.getBeanClass());
                }
            }
            Set<String> held = new TreeSet<>();
            stores.forEach(s -> held.add(s.dataClass()));
            List<Endpoint> endpoints = EndpointInventory.of(resources, held);
            published = new Published(service, endpoints, EndpointInventory.undeclared(endpoints));
        }
        return published;
    }
}
