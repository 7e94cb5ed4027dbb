package io.wem.common.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Internal endpoints: a caller whose access rests on a service role must also come from one of these OAuth clients
 * (the token's {@code azp}). A realm role alone is not enough: a person given {@code svc-guardrail} by mistake, or a
 * user token obtained through wem-cli, is refused with 403. Checked by {@link AllowedClientsFilter}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AllowedClients {

    /** Client ids (Keycloak clientId = the token's azp) allowed to use the service roles here. */
    String[] value();

    /**
     * The service roles the client check applies to. Empty: every caller must come from an allowed client. Otherwise
     * every caller holding one of these roles must (a supervisor without them is not checked).
     */
    String[] roles() default {};
}
