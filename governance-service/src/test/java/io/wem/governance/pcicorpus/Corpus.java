package io.wem.governance.pcicorpus;

import java.util.ArrayList;
import java.util.List;

/** The shapes of a generated case: turns of text with the exact places of each secret and each decoy number. */
final class Corpus {

    enum SecretKind { PAN, CVV, EXPIRY }

    /** Characters [start, end) of one turn. */
    record Span(int turn, int start, int end) {
        boolean overlaps(int t, int s, int e) {
            return turn == t && start < e && s < end;
        }
    }

    /** A card secret: its digits and the spans of every token that carries one of them. */
    record Secret(SecretKind kind, String brand, String digits, List<Span> tokens) {
    }

    record Turn(String speaker, String text) {
    }

    /**
     * One case. {@code conversation} false means a single text sent as {@code texts}; otherwise the turns go as one
     * conversation. {@code extents} covers each rendered secret from its first to its last token (fillers inside
     * included), {@code decoys} the harmless numbers a finding must not touch.
     */
    record Case(String category, boolean conversation, List<Turn> turns, List<Secret> secrets, List<Span> extents,
                List<Span> decoys) {
    }

    /** A piece of rendered text; {@code secret} pieces carry digits of the secret being rendered. */
    record Piece(String text, boolean secret) {
        static Piece of(String text) {
            return new Piece(text, false);
        }

        static Piece secret(String text) {
            return new Piece(text, true);
        }
    }

    /** Builds a case turn by turn and records spans as pieces are appended. */
    static final class Builder {
        private final String category;
        private final List<String> speakers = new ArrayList<>();
        private final List<StringBuilder> texts = new ArrayList<>();
        private final List<Secret> secrets = new ArrayList<>();
        private final List<Span> extents = new ArrayList<>();
        private final List<Span> decoys = new ArrayList<>();

        Builder(String category) {
            this.category = category;
        }

        Builder turn(String speaker) {
            speakers.add(speaker);
            texts.add(new StringBuilder());
            return this;
        }

        Builder text(String s) {
            current().append(s);
            return this;
        }

        Builder decoy(String s) {
            int start = current().length();
            current().append(s);
            decoys.add(new Span(texts.size() - 1, start, current().length()));
            return this;
        }

        /** Opens a secret; pieces appended with {@link #pieces} until {@link #close} belong to it. */
        Secret open(SecretKind kind, String brand, String digits) {
            Secret s = new Secret(kind, brand, digits, new ArrayList<>());
            secrets.add(s);
            return s;
        }

        Builder pieces(Secret secret, List<Piece> pieces) {
            for (Piece p : pieces) {
                int start = current().length();
                current().append(p.text());
                if (p.secret() && !p.text().isEmpty()) {
                    secret.tokens().add(new Span(texts.size() - 1, start, current().length()));
                }
            }
            return this;
        }

        /** Records the extent of the secret's tokens in each turn they occupy. */
        void close(Secret secret) {
            int turn = -1;
            int start = 0;
            int end = 0;
            for (Span t : secret.tokens()) {
                if (t.turn() != turn) {
                    if (turn >= 0) {
                        extents.add(new Span(turn, start, end));
                    }
                    turn = t.turn();
                    start = t.start();
                }
                end = t.end();
            }
            if (turn >= 0) {
                extents.add(new Span(turn, start, end));
            }
        }

        Case build(boolean conversation) {
            List<Turn> turns = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                turns.add(new Turn(speakers.get(i), texts.get(i).toString()));
            }
            return new Case(category, conversation, turns, secrets, extents, decoys);
        }

        private StringBuilder current() {
            return texts.get(texts.size() - 1);
        }
    }

    private Corpus() {
    }
}
