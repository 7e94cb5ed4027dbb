package io.wem.system;

/**
 * Where the running stack is. Every value can be overridden with a system property (for example
 * {@code ./mvnw verify -pl system-tests -Dwem.system-tests=true -Dwem.keycloak.url=http://127.0.0.1:8180});
 * the defaults are the addresses {@code ./wem up} uses. Always 127.0.0.1, never localhost: the token
 * issuer is the host Keycloak was called with.
 */
public final class SystemTestConfig {

    private SystemTestConfig() {
    }

    /** Keycloak base URL, e.g. {@code http://127.0.0.1:8180}. Property {@code wem.keycloak.url}. */
    public static String keycloakUrl() {
        return stripSlash(System.getProperty("wem.keycloak.url", "http://127.0.0.1:8180"));
    }

    /** Realm name. Property {@code wem.realm}. */
    public static String realm() {
        return System.getProperty("wem.realm", "wem");
    }

    /** Expected token issuer: {@code <keycloak>/realms/<realm>}. */
    public static String issuer() {
        return keycloakUrl() + "/realms/" + realm();
    }

    public static String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Password of every demo user in the local realm. Property {@code wem.user.password}. */
    public static String userPassword() {
        return System.getProperty("wem.user.password", "wem-local");
    }

    /** The public client used for password grants. Property {@code wem.cli.client}. */
    public static String cliClientId() {
        return System.getProperty("wem.cli.client", "wem-cli");
    }

    /**
     * Base URL of a service. Property {@code wem.<short name>.url}, e.g. {@code wem.signal.url};
     * default {@code http://127.0.0.1:<port>}.
     */
    public static String baseUrl(WemService service) {
        return stripSlash(System.getProperty("wem." + service.shortName() + ".url",
                "http://127.0.0.1:" + service.defaultPort()));
    }

    /**
     * The service's management interface (health, metrics, OpenAPI; never on the public port). Property
     * {@code wem.<short name>.management-url}; default the port of {@link #baseUrl} + 1000, as {@code ./wem} runs it.
     */
    public static String managementUrl(WemService service) {
        String explicit = System.getProperty("wem." + service.shortName() + ".management-url");
        if (explicit != null) {
            return stripSlash(explicit);
        }
        java.net.URI base = java.net.URI.create(baseUrl(service));
        return base.getScheme() + "://" + base.getHost() + ":" + (base.getPort() + 1000);
    }

    /**
     * The stack's topic prefix (property {@code wem.topic-prefix}; {@code ./wem test} runs the system tests on a stack
     * of their own with "systest-"). {@link KafkaTool} adds it to the suite's topic names, so tests name topics as
     * {@code deploy/kafka/topics.txt} does.
     */
    public static String topicPrefix() {
        return System.getProperty("wem.topic-prefix", "");
    }

    /** Suffix of the stack's database names (property {@code wem.db.suffix}; "_systest" under {@code ./wem test}). */
    public static String dbSuffix() {
        return System.getProperty("wem.db.suffix", "");
    }

    /** Prefix of the stack's process names in .wem/pids (property {@code wem.component-prefix}). */
    public static String componentPrefix() {
        return System.getProperty("wem.component-prefix", "");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
