package io.wem.common.access;

import io.quarkus.security.Authenticated;
import io.wem.common.contracts.DataClasses;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the endpoints of JAX-RS resource classes by reflection: the same annotations Quarkus enforces
 * ({@code @Path}, the HTTP method, {@code @RolesAllowed}/{@code @PermitAll}/{@code @Authenticated}/{@code @DenyAll},
 * method over class) and the {@link PersonalData}/{@link NoPersonalData} declarations. No CDI, so a plain unit test
 * and the running service build the matrix the same way.
 */
public final class EndpointInventory {

    private EndpointInventory() {
    }

    /**
     * @param resourceClasses classes annotated with {@code @Path} (subclasses such as CDI proxies are walked up)
     * @param heldByService   data classes this service holds, substituted for {@link PersonalData#HELD_BY_SERVICE}
     */
    public static List<Endpoint> of(Collection<Class<?>> resourceClasses, Collection<String> heldByService) {
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (Class<?> c : resourceClasses) {
            Class<?> r = resourceOf(c);
            if (r != null) {
                resources.add(r);
            }
        }
        List<Endpoint> out = new ArrayList<>();
        for (Class<?> r : resources) {
            for (Method m : r.getDeclaredMethods()) {
                String verb = httpMethod(m);
                if (verb != null) {
                    out.add(endpoint(r, m, verb, heldByService));
                }
            }
        }
        out.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return out;
    }

    /** The class that carries {@code @Path}: {@code c} itself or a superclass (CDI subclasses carry none). */
    public static Class<?> resourceOf(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            if (k.isAnnotationPresent(Path.class) && !k.isInterface()) {
                return k;
            }
        }
        return null;
    }

    /** Methods that answer HTTP requests but declare no data classes: what the per-service tests forbid. */
    public static List<String> undeclared(List<Endpoint> endpoints) {
        return endpoints.stream().filter(e -> !e.declared()).map(e -> e.key() + " (" + e.operation() + ")").toList();
    }

    private static Endpoint endpoint(Class<?> r, Method m, String verb, Collection<String> held) {
        String path = join(r.getAnnotation(Path.class).value(),
                m.isAnnotationPresent(Path.class) ? m.getAnnotation(Path.class).value() : "");
        String security;
        List<String> roles = List.of();
        AnnotatedElement source = securitySource(m, r);
        if (source == null) {
            security = Endpoint.UNSECURED;
        } else if (source.isAnnotationPresent(RolesAllowed.class)) {
            security = Endpoint.ROLES;
            roles = sorted(Arrays.asList(source.getAnnotation(RolesAllowed.class).value()));
        } else if (source.isAnnotationPresent(PermitAll.class)) {
            security = Endpoint.PERMIT_ALL;
        } else if (source.isAnnotationPresent(DenyAll.class)) {
            security = Endpoint.DENY_ALL;
        } else {
            security = Endpoint.AUTHENTICATED;
        }
        PersonalData pd = m.getAnnotation(PersonalData.class);
        List<String> reads = pd == null ? List.of() : expand(pd.reads(), held);
        List<String> writes = pd == null ? List.of() : expand(pd.writes(), held);
        List<String> all = pd == null ? List.of() : sorted(Arrays.asList(pd.allAgents()));
        List<String> team = pd == null ? List.of() : sorted(Arrays.asList(pd.teamRoles()));
        Set<String> both = new TreeSet<>(reads);
        both.addAll(writes);
        boolean declared = pd != null || m.isAnnotationPresent(NoPersonalData.class);
        return new Endpoint(verb, path, security, roles, List.copyOf(both), reads, writes, all, team, declared,
                r.getSimpleName() + "#" + m.getName());
    }

    /** Method-level security annotations win over class-level ones, as Quarkus applies them. */
    private static AnnotatedElement securitySource(Method m, Class<?> r) {
        for (AnnotatedElement e : List.<AnnotatedElement>of(m, r)) {
            if (e.isAnnotationPresent(RolesAllowed.class) || e.isAnnotationPresent(PermitAll.class)
                    || e.isAnnotationPresent(DenyAll.class) || e.isAnnotationPresent(Authenticated.class)) {
                return e;
            }
        }
        return null;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod hm = a.annotationType().getAnnotation(HttpMethod.class);
            if (hm != null) {
                return hm.value();
            }
        }
        return null;
    }

    private static List<String> expand(String[] classes, Collection<String> held) {
        Set<String> out = new TreeSet<>();
        for (String c : classes) {
            if (PersonalData.HELD_BY_SERVICE.equals(c)) {
                out.addAll(held);
            } else if (PersonalData.ALL_CLASSES.equals(c)) {
                out.addAll(DataClasses.ALL);
            } else {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> sorted(Collection<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }

    /** Joins class and method paths the way JAX-RS does, and drops regular expressions of path parameters. */
    static String join(String base, String sub) {
        String p = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}");
    }
}
