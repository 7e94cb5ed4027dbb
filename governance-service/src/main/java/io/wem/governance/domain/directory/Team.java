package io.wem.governance.domain.directory;

/** A team (the unit of supervision), with an optional display name and site (for WFM planning). */
public record Team(String teamId, String name, String site) {
}
