package io.wem.governance.service;

import io.wem.governance.config.GovernanceConfig;
import io.wem.governance.domain.audit.AuditKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the audit chain's keys from configuration; a missing or short key stops the service at startup. */
@ApplicationScoped
public class AuditKeysProducer {

    @Produces
    @ApplicationScoped
    AuditKeys auditKeys(GovernanceConfig config) {
        Map<Integer, String> keys = new HashMap<>();
        for (String entry : config.audit().previousKeys().orElse(List.of())) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("wem.governance.audit.previous-keys entries must be version:key");
            }
            keys.put(Integer.parseInt(entry.substring(0, colon).trim()), entry.substring(colon + 1));
        }
        keys.put(config.audit().keyVersion(), config.audit().hmacKey());
        return new AuditKeys(config.audit().keyVersion(), keys);
    }
}
