package io.wem.common.openapi;

/**
 * The shape of an id the suite accepts in a path (team, agent, behavior ids): letters, digits and {@code . _ : -},
 * starting with a letter or digit. Used with {@code @Pattern}/{@code @Size} so the rule is enforced (400 naming the
 * parameter) and shown in the OpenAPI document; control characters, slashes and blanks never become an id.
 */
public final class Ids {
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]*$";
    public static final int MAX = 128;

    private Ids() {
    }
}
