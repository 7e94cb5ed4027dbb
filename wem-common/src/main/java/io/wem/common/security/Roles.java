package io.wem.common.security;

/** Realm roles of deploy/keycloak/wem-realm.json. People's roles, then service-account roles. */
public final class Roles {
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String COACH = "coach";
    public static final String QA_ANALYST = "qa-analyst";
    public static final String WFM_PLANNER = "wfm-planner";
    public static final String PROCESS_OWNER = "process-owner";
    public static final String CISO = "ciso";
    public static final String GOVERNANCE_ADMIN = "governance-admin";
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** Pushes signals (contact-center platform connectors). */
    public static final String INTEGRATION = "integration";
    /** Any of the suite's own service accounts. */
    public static final String SERVICE = "service";
    /** May call governance's redaction endpoint (signal-service). */
    public static final String SVC_REDACTION = "svc-redaction";
    /** May ask wellbeing for guardrail decisions (coaching-service). */
    public static final String SVC_GUARDRAIL = "svc-guardrail";
    /** May read behavior measurements of any agent (coaching-service). */
    public static final String SVC_MEASUREMENTS = "svc-measurements";
    /** May call every service's internal subject export/erase endpoints (governance-service). */
    public static final String SVC_SUBJECT_REQUESTS = "svc-subject-requests";

    /** May import rosters into governance's directory (the WFM/HR system of record's integration client). */
    public static final String SVC_DIRECTORY_IMPORT = "svc-directory-import";

    private Roles() {
    }
}
