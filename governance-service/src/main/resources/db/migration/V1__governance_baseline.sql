-- governance-service schema. Tables of personal data carry a retention data class (see PersonalDataStore beans).
-- Nothing has been released yet, so this first migration may still be rewritten; after a release, add V2+.
SELECT 1;
