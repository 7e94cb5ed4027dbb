package io.wem.governance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Settings of governance-service ({@code wem.governance.*}). */
@ConfigMapping(prefix = "wem.governance")
public interface GovernanceConfig {

    Redaction redaction();

    Retention retention();

    Keycloak keycloak();

    Services services();

    SubjectRequests subjectRequests();

    Audit audit();

    Approvals approvals();

    Directory directory();

    interface Directory {
        /** How often the Keycloak sync runs (read by the @Scheduled expression); "off" disables it. */
        @WithDefault("5m")
        String syncEvery();

        /** Delay of the first sync after start-up. */
        @WithDefault("5s")
        String syncDelay();
    }

    interface Approvals {
        /** How long a four-eyes proposal waits for a decision before it expires. */
        @WithDefault("P7D")
        java.time.Duration ttl();
    }

    interface Audit {
        /**
         * HMAC-SHA256 key of the audit chain and of its checkpoints (at least 32 bytes; from a Secret in production:
         * WEM_AUDIT_HMAC_KEY). The committed default is for the local stack only.
         */
        String hmacKey();

        /** Version of {@link #hmacKey()}; raise it when rotating the key and keep the old one in previousKeys. */
        @WithDefault("1")
        int keyVersion();

        /** Keys of earlier versions, each "version:key", so entries sealed before a rotation still verify. */
        Optional<List<String>> previousKeys();

        /** How often a signed chain-head checkpoint is published (read by the @Scheduled expression; "off"). */
        @WithDefault("5m")
        String checkpointEvery();

        /** How long verify waits for the checkpoint topic before falling back to the database copy. */
        @WithDefault("PT5S")
        java.time.Duration checkpointReadTimeout();

        /**
         * How often the checkpoint topic is read in the background, so verify and export need not wait for Kafka
         * (read by the @Scheduled expression; "off").
         */
        @WithDefault("10s")
        String checkpointRefresh();

        /** How old the last read of the checkpoint topic may be before a verify or an export reads it itself. */
        @WithDefault("PT30S")
        java.time.Duration checkpointMaxAge();
    }

    interface SubjectRequests {
        /** How often the worker looks for pending requests (read by the @Scheduled expression). */
        @WithDefault("2s")
        String poll();

        /** How long a finished access-request export can be downloaded; then it is deleted. */
        @WithDefault("P30D")
        java.time.Duration exportTtl();
    }

    interface Services {
        /** Base URL of signal-service (internal subject endpoints). */
        @WithDefault("http://127.0.0.1:8081")
        String signalUrl();

        @WithDefault("http://127.0.0.1:8082")
        String coachingUrl();

        @WithDefault("http://127.0.0.1:8084")
        String wellbeingUrl();

        /** Per-call timeout and attempts for the internal subject endpoints. */
        @WithDefault("PT10S")
        java.time.Duration timeout();

        @WithDefault("3")
        int attempts();
    }

    AccessReview accessReview();

    AccessMatrix accessMatrix();

    interface AccessMatrix {
        /** Timeout of one call to a service's internal access-matrix endpoint. */
        @WithDefault("PT3S")
        java.time.Duration timeout();

        /** How long a service's answer is reused (its code changes only with a deployment). */
        @WithDefault("PT5M")
        java.time.Duration fresh();

        /** After a service did not answer, how long until it is asked again (its last answer is shown as STALE). */
        @WithDefault("PT15S")
        java.time.Duration retryAfterFailure();
    }

    interface Keycloak {
        /** Keycloak base URL for the admin API (also quarkus.rest-client.keycloak-admin.url). */
        @WithDefault("http://127.0.0.1:8180")
        String adminUrl();

        @WithDefault("wem")
        String realm();
    }

    interface AccessReview {
        /** Forbidden role pairs, each "roleA+roleB". */
        @WithDefault("ciso+platform-admin,governance-admin+platform-admin")
        List<String> sodPairs();

        /** Enabled accounts without a login for this many days are reported. */
        @WithDefault("90")
        int inactiveDays();

        /** Most users read from Keycloak in one review. */
        @WithDefault("2000")
        int maxUsers();

        /**
         * How long one read of the realm answers further reviews (shown as the review's {@code reviewedAt}). 0 reads
         * Keycloak for every review.
         */
        @WithDefault("PT15S")
        java.time.Duration maxAge();

        /** Keycloak admin calls in flight at once while reading the realm (three per account). */
        @WithDefault("8")
        int parallelCalls();
    }

    interface Retention {
        /** Quarkus cron of the scheduled purge run (read by the @Scheduled expression); "off" disables it. */
        @WithDefault("0 30 2 * * ?")
        String purgeCron();

        /** How long past its window a record may remain before it counts as a breach (purges are periodic). */
        @WithDefault("PT48H")
        java.time.Duration grace();
    }

    interface Redaction {
        /** Most texts in one POST /api/v1/redactions. */
        @WithDefault("1000")
        int maxTexts();

        /** Most UTF-8 bytes of all texts of one request together. */
        @WithDefault("1048576")
        long maxBytes();
    }
}
