package io.wem.governance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Settings of governance-service ({@code wem.governance.*}). */
@ConfigMapping(prefix = "wem.governance")
public interface GovernanceConfig {

    Redaction redaction();

    interface Redaction {
        /** Most texts in one POST /api/v1/redactions. */
        @WithDefault("1000")
        int maxTexts();

        /** Most UTF-8 bytes of all texts of one request together. */
        @WithDefault("1048576")
        long maxBytes();
    }
}
