-- Every intervention names a person as owner (resolved from the organisation directory), or none: then it waits in
-- its role's fallback queue (owner_key role:team) and is shown as UNASSIGNED.
ALTER TABLE intervention ADD COLUMN owner_person TEXT;
CREATE INDEX intervention_owner_person ON intervention (owner_person) WHERE owner_person IS NOT NULL;
