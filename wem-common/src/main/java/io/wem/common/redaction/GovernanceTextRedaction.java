package io.wem.common.redaction;

import io.wem.common.contracts.RedactionRequest;
import io.wem.common.contracts.RedactionResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** {@link TextRedaction} by governance-service's redaction API: timeout, retry and circuit breaker; fails closed. */
@ApplicationScoped
public class GovernanceTextRedaction implements TextRedaction {

    @Inject
    @RestClient
    RedactionApi governance;

    @Override
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public List<String> redact(List<String> texts) {
        RedactionResponse response = governance.redact(new RedactionRequest(texts, Boolean.FALSE));
        if (response == null || response.results() == null || response.results().size() != texts.size()) {
            throw new IllegalStateException("governance answered " + (response == null || response.results() == null
                    ? "no results" : response.results().size() + " results for " + texts.size() + " texts"));
        }
        List<String> out = new ArrayList<>(texts.size());
        for (RedactionResponse.Result r : response.results()) {
            if (r == null || r.text() == null) {
                throw new IllegalStateException("governance answered a result without text");
            }
            out.add(r.text());
        }
        return out;
    }
}
