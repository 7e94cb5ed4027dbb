package io.wem.common.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that neither reads nor writes agents' personal data (catalogs, policies, health of the audit
 * chain). Explicit, so a forgotten {@link PersonalData} is told apart from a method that has none.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoPersonalData {
}
