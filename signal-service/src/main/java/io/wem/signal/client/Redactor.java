package io.wem.signal.client;

import io.wem.common.contracts.RedactionRequest;
import io.wem.common.contracts.RedactionResponse;
import io.wem.common.redaction.RedactionApi;
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

    /** governance-service's redaction endpoint, the suite's one client for it (wem-common, config key "redaction"). */
    @Inject
    @RestClient
    RedactionApi governance;

    /**
     * Redacts whole conversations (one per interaction), so a card number spread over turns is found. Answers the
     * redacted text of every turn, in order; fails closed.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = RedactionUnavailableException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = Exception.class, skipOn = RedactionUnavailableException.class)
    public List<List<String>> redactConversations(List<RedactionRequest.Conversation> conversations) {
        RedactionResponse response = governance.redact(new RedactionRequest(null, conversations, Boolean.FALSE));
        if (response == null || response.conversations() == null
                || response.conversations().size() != conversations.size()) {
            throw new RedactionUnavailableException("governance answered " + (response == null
                    || response.conversations() == null ? "no conversations"
                    : response.conversations().size() + " conversations for " + conversations.size()));
        }
        List<List<String>> out = new java.util.ArrayList<>(conversations.size());
        for (int c = 0; c < conversations.size(); c++) {
            RedactionResponse.ConversationResult answer = response.conversations().get(c);
            int asked = conversations.get(c).turns().size();
            if (answer == null || answer.turns() == null || answer.turns().size() != asked) {
                throw new RedactionUnavailableException("governance answered a conversation with "
                        + (answer == null || answer.turns() == null ? "no" : answer.turns().size()) + " turns for "
                        + asked);
            }
            List<String> turns = new java.util.ArrayList<>(asked);
            for (RedactionResponse.Result r : answer.turns()) {
                if (r == null || r.text() == null) {
                    throw new RedactionUnavailableException("governance answered a turn without text");
                }
                turns.add(r.text());
            }
            out.add(turns);
        }
        return out;
    }
}
