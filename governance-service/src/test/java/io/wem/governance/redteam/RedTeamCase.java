package io.wem.governance.redteam;

import java.util.ArrayList;
import java.util.List;

/**
 * One labelled red-team case: an ordered conversation (a single-turn case is a plain text), the secrets in it and
 * where each rendering of a secret sits (turn, offsets). Written without looking at the engine.
 */
public final class RedTeamCase {

    public enum Kind { PAN, CVV, EXPIRY, DISTRACTOR }

    /** A secret (or a labelled hard negative): its digits as a reader would reconstruct them. */
    public record Secret(Kind kind, String digits, String brand) {
    }

    /** Where (part of) a secret is written: turn index, [start, end) in that turn's text. */
    public record Span(int secret, int turn, int start, int end) {
    }

    public record Turn(String speaker, String text) {
    }

    public final String category;
    public final boolean singleText;
    public final List<Turn> turns = new ArrayList<>();
    public final List<Secret> secrets = new ArrayList<>();
    public final List<Span> spans = new ArrayList<>();

    private StringBuilder current;
    private String currentSpeaker;

    RedTeamCase(String category, boolean singleText) {
        this.category = category;
        this.singleText = singleText;
    }

    int secret(Kind kind, String digits, String brand) {
        secrets.add(new Secret(kind, digits, brand));
        return secrets.size() - 1;
    }

    RedTeamCase turn(String speaker) {
        flush();
        current = new StringBuilder();
        currentSpeaker = speaker;
        return this;
    }

    RedTeamCase say(String s) {
        if (current == null) {
            turn("customer");
        }
        current.append(s);
        return this;
    }

    /** Appends text that renders (part of) secret {@code id}. */
    RedTeamCase saySecret(int id, String s) {
        if (current == null) {
            turn("customer");
        }
        int start = current.length();
        current.append(s);
        spans.add(new Span(id, turns.size(), start, current.length()));
        return this;
    }

    RedTeamCase done() {
        flush();
        return this;
    }

    private void flush() {
        if (current != null) {
            turns.add(new Turn(currentSpeaker, current.toString()));
            current = null;
        }
    }

    boolean hasPan() {
        return secrets.stream().anyMatch(s -> s.kind() == Kind.PAN);
    }
}
