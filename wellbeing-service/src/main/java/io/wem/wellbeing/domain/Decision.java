package io.wem.wellbeing.domain;

/** Guardrail outcomes, ordered from least to most restrictive; when several rules fire the most restrictive wins. */
public enum Decision {
    ALLOW, REQUIRE_HUMAN_REVIEW, DEFER, DENY;

    public Decision strictest(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
