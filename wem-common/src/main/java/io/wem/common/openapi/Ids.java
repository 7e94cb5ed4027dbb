package io.wem.common.openapi;

/**
 * The shape of an id the suite accepts in a path (team, agent, behavior ids): letters, digits and {@code . _ : -},
 * starting with a letter or digit. Used with {@code @Pattern}/{@code @Size} so the rule is enforced (400 naming the
 * parameter) and shown in the OpenAPI document; control characters, slashes and blanks never become an id.
 */
public final class Ids {
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]*$";
    public static final int MAX = 128;
    /**
     * An agent id as the integrator's platform gives it (signals accept any non-blank id of up to 100 characters,
     * e.g. an e-mail address): printable characters only, no control character (NUL cannot even be stored).
     */
    public static final String AGENT_PATTERN = "^[^\\p{Cntrl}]+$";

    private Ids() {
    }
}
