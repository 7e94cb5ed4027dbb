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

/** Checks a redaction batch against the limits and runs the engine on each text. Never logs the texts. */
@ApplicationScoped
public class RedactionService {

    private final PciRedactor redactor = new PciRedactor();

    @Inject
    GovernanceConfig config;

    @Inject
    MeterRegistry registry;

    public RedactionResponse redact(RedactionRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("body", "a JSON object with texts is required");
        }
        List<String> texts = request.texts();
        if (texts == null) {
            throw ProblemException.badRequest("texts", "must not be null");
        }
        if (texts.size() > config.redaction().maxTexts()) {
            throw ProblemException.tooLarge("texts", "at most " + config.redaction().maxTexts()
                    + " texts per request, got " + texts.size());
        }
        long bytes = 0;
        for (int i = 0; i < texts.size(); i++) {
            String t = texts.get(i);
            if (t == null) {
                throw ProblemException.badRequest("texts[" + i + "]", "must not be null");
            }
            bytes += utf8Length(t);
        }
        if (bytes > config.redaction().maxBytes()) {
            throw ProblemException.tooLarge("texts", "at most " + config.redaction().maxBytes()
                    + " bytes of text per request, got " + bytes);
        }
        boolean keepLastFour = Boolean.TRUE.equals(request.keepLastFour());
        List<RedactionResponse.Result> results = new ArrayList<>(texts.size());
        long findings = 0;
        for (String t : texts) {
            Redaction r = redactor.redact(t, keepLastFour);
            List<RedactionResponse.Finding> out = new ArrayList<>(r.findings().size());
            for (Finding f : r.findings()) {
                out.add(new RedactionResponse.Finding(f.type().name(), f.start(), f.end(), f.confidence()));
            }
            findings += out.size();
            results.add(new RedactionResponse.Result(r.text(), out));
        }
        registry.counter("wem.governance.redaction.texts").increment(texts.size());
        registry.counter("wem.governance.redaction.findings").increment(findings);
        return new RedactionResponse(results);
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
