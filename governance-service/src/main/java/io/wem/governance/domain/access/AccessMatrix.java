package io.wem.governance.domain.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The suite's role → permission matrix: per service, each endpoint and the roles allowed to call it. */
public record AccessMatrix(String description, Map<String, List<Endpoint>> services) {

    public record Endpoint(String method, String path, List<String> roles, List<String> dataClasses) {
    }

    /** Roles of the suite that belong to service accounts or integrations, not to people. */
    public static boolean machineRole(String role) {
        return role.startsWith("svc-") || role.equals("service") || role.equals("integration");
    }

    /** People's roles that can read (GET) some endpoint exposing this data class, sorted. */
    public Set<String> humanReadersOf(String dataClass) {
        Set<String> out = new TreeSet<>();
        services.values().forEach(list -> list.stream()
                .filter(e -> e.method().equals("GET") && e.dataClasses() != null && e.dataClasses().contains(dataClass))
                .forEach(e -> e.roles().stream().filter(r -> !machineRole(r)).forEach(out::add)));
        return out;
    }

    /** Service accounts' roles that can read or change this data class, sorted. */
    public Set<String> machineAccessOf(String dataClass) {
        Set<String> out = new TreeSet<>();
        services.values().forEach(list -> list.stream()
                .filter(e -> e.dataClasses() != null && e.dataClasses().contains(dataClass))
                .forEach(e -> e.roles().stream().filter(AccessMatrix::machineRole).forEach(out::add)));
        return out;
    }
}
