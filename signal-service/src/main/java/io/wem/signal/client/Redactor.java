package io.wem.signal.client;

import io.wem.common.contracts.RedactionRequest;
import io.wem.common.contracts.RedactionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Fault-tolerant call to governance's redaction. Fails closed: any failure (timeout, 5xx, open circuit, an answer
 * that does not match the request) surfaces as {@link RedactionUnavailableException}, and callers then refuse or
 * park the text instead of storing it.
 */
@ApplicationScoped
public class Redactor {

    @Inject
    @RestClient
    GovernanceClient governance;

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = RedactionUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = Exception.class, skipOn = RedactionUnavailableException.class)
    public List<String> redact(List<String> texts) {
        RedactionResponse response = governance.redact(new RedactionRequest(texts, Boolean.FALSE));
        if (response == null || response.results() == null || response.results().size() != texts.size()) {
            throw new RedactionUnavailableException("governance answered " + (response == null || response.results() == null
                    ? "no results" : response.results().size() + " results for " + texts.size() + " texts"));
        }
        List<String> out = new java.util.ArrayList<>(texts.size());
        for (RedactionResponse.Result r : response.results()) {
            if (r == null || r.text() == null) {
                throw new RedactionUnavailableException("governance answered a result without text");
            }
            out.add(r.text());
        }
        return out;
    }
}
