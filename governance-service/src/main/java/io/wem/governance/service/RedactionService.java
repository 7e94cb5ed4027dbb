package io.wem.governance.service;

import io.wem.common.contracts.RedactionRequest;
import io.wem.common.contracts.RedactionResponse;
import io.wem.common.problem.ProblemException;
import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.redaction.Finding;
import io.wem.governance.domain.redaction.PciRedactor;
import io.wem.governance.domain.redaction.Redaction;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a redaction batch against the limits and runs the engine on each text and each conversation (whose turns
 * are redacted together). Never logs the texts.
 */
@ApplicationScoped
public class RedactionService {

    private final PciRedactor redactor = new PciRedactor();

    @Inject
    GovernanceConfig config;

    @Inject
    MeterRegistry registry;

    public RedactionResponse redact(RedactionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a JSON object with texts or conversations is required");
        }
        List<String> texts = request.texts();
        List<RedactionRequest.Conversation> conversations = request.conversations();
        if (texts == null && conversations == null) {
            throw ProblemException.badRequest("texts", "must not be null (or give conversations)");
        }
        texts = texts == null ? List.of() : texts;
        conversations = conversations == null ? List.of() : conversations;
        long bytes = 0;
        int items = texts.size();
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null) {
                throw ProblemException.badRequest("texts[" + i + "]", "must not be null");
            }
            bytes += utf8Length(t);
        }
        checkLimits("texts", items, bytes);
        for (int c = 0; c < conversations.size(); c++) {
            RedactionRequest.Conversation conversation = conversations.get(c);
            String field = "conversations[" + c + "]";
            if (conversation == null) {
                throw ProblemException.badRequest(field, "must not be null");
            }
            if (conversation.turns() == null) {
                throw ProblemException.badRequest(field + ".turns", "must not be null");
            }
            for (int t = 0; t < conversation.turns().size(); t++) {
                RedactionRequest.Turn turn = conversation.turns().get(t);
                if (turn == null) {
                    throw ProblemException.badRequest(field + ".turns[" + t + "]", "must not be null");
                }
                if (turn.text() == null) {
                    throw ProblemException.badRequest(field + ".turns[" + t + "].text", "must not be null");
                }
                bytes += utf8Length(turn.text());
                items++;
            }
            checkLimits("conversations", items, bytes);
        }
        boolean keepLastFour = Boolean.TRUE.equals(request.keepLastFour());
        long findings = 0;
        List<RedactionResponse.Result> results = new ArrayList<>(texts.size());
        for (String t : texts) {
            RedactionResponse.Result r = result(redactor.redact(t, keepLastFour));
            findings += r.findings().size();
            results.add(r);
        }
        List<RedactionResponse.ConversationResult> conversationResults = new ArrayList<>(conversations.size());
        for (RedactionRequest.Conversation conversation : conversations) {
            List<PciRedactor.Turn> turns = new ArrayList<>(conversation.turns().size());
            for (RedactionRequest.Turn turn : conversation.turns()) {
                // a missing speaker is one more (unnamed) speaker, never a reason to redact less
                turns.add(new PciRedactor.Turn(turn.speaker() == null ? "" : turn.speaker(), turn.text()));
            }
            List<RedactionResponse.Result> turnResults = new ArrayList<>(turns.size());
            for (Redaction r : redactor.redactConversation(turns, keepLastFour)) {
                RedactionResponse.Result result = result(r);
                findings += result.findings().size();
                turnResults.add(result);
            }
            conversationResults.add(new RedactionResponse.ConversationResult(turnResults));
        }
        registry.counter("wem.governance.redaction.texts").increment(items);
        registry.counter("wem.governance.redaction.findings").increment(findings);
        return new RedactionResponse(results, conversationResults);
    }

    private void checkLimits(String field, int items, long bytes) {
        if (items > config.redaction().maxTexts()) {
            throw ProblemException.tooLarge(field, "at most " + config.redaction().maxTexts()
                    + " texts (texts and turns together) per request, got " + items);
        }
        if (bytes > config.redaction().maxBytes()) {
            throw ProblemException.tooLarge(field, "at most " + config.redaction().maxBytes()
                    + " bytes of text per request, got " + bytes);
        }
    }

    private static RedactionResponse.Result result(Redaction r) {
        List<RedactionResponse.Finding> out = new ArrayList<>(r.findings().size());
        for (Finding f : r.findings()) {
            out.add(new RedactionResponse.Finding(f.type().name(), f.start(), f.end(), f.confidence()));
        }
        return new RedactionResponse.Result(r.text(), out);
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
