package io.wem.common.redaction;

import io.wem.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * The one way a service stores free text a person typed: card data is redacted by governance first, and when that
 * is not possible the request is refused with 503 problem+json naming the field, so raw text is never stored.
 */
@ApplicationScoped
public class FreeText {
    private static final Logger LOG = Logger.getLogger(FreeText.class);

    @Inject
    TextRedaction redaction;

    /** The text with card data redacted; null and blank texts as they are. Throws 503 naming {@code field}. */
    public String redacted(String field, String text) {
        if (text == null || text.isBlank()) {
            return text;
        }
        try {
            List<String> out = redaction.redact(List.of(text));
            if (out == null || out.size() != 1 || out.get(0) == null) {
                throw new IllegalStateException("no redacted text");
            }
            return out.get(0);
        } catch (RuntimeException e) {
            LOG.warnf("redaction of %s unavailable (%s): refused, nothing stored", field, e.getClass().getSimpleName());
            throw ProblemException.unavailable(field, "card data could not be redacted; nothing was stored, retry later",
                    Duration.ofSeconds(30));
        }
    }
}
