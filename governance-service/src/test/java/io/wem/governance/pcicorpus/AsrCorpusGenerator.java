package io.wem.governance.pcicorpus;

import io.wem.governance.pcicorpus.Corpus.Builder;
import io.wem.governance.pcicorpus.Corpus.Case;
import io.wem.governance.pcicorpus.Corpus.Piece;
import io.wem.governance.pcicorpus.Corpus.Secret;
import io.wem.governance.pcicorpus.Corpus.SecretKind;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A second model of speech (issue #13): what an ASR engine makes of a dictated card number, not how a person says it.
 * Its own word lists (none shared with the engine nor with {@link CorpusGenerator}'s renderer): homophones the
 * recogniser writes for digits, digit groups it writes as numerals in the middle of words, a dictation it cuts into
 * several segments of the same speaker, word fragments and false starts, lowercase text without punctuation, and
 * harmless ASR-style numbers. Only the issuer table ({@link CardIssuers}) and the case shapes ({@link Corpus}) are
 * shared with the first generator. Deterministic for a seed.
 */
final class AsrCorpusGenerator {

    static final String CALLER = "customer";
    static final String ADVISOR = "agent";

    /** What a recogniser writes for each digit: the word, and the homophones it confuses it with. */
    private static final String[][] HEARD = {
        {"zero", "oh", "o", "zero"}, {"one", "won", "one"}, {"two", "to", "too"}, {"three", "three"},
        {"four", "for", "four"}, {"five", "five"}, {"six", "six"}, {"seven", "seven"}, {"eight", "ate", "eight"},
        {"nine", "nine"}};
    /** Word fragments a recogniser keeps when the speaker starts a digit again. */
    private static final String[] FRAGMENTS = {"fo-", "th-", "s-", "ei-", "f-", "w-", "t-"};
    private static final String[] RESTARTS = {"i mean", "sorry", "wait", "no", "hold on", "uh", "um", "hmm"};
    private static final String[] LEAD_INS = {"yeah the card number is", "so its", "okay its", "right its",
        "the number on the card", "uh the long number", "alright here it is", "from the front of the card"};
    private static final String[] CLOSINGS = {"", " yeah", " thats it", " did you get that", " okay"};
    private static final String[] ADVISOR_LINES = {"go ahead", "mhm", "okay", "yes", "and then", "thank you",
        "sorry you broke up there", "still here", "right"};
    private static final String[] HARMLESS = {
        "call me back on {p}", "my order was {o}", "i paid for to items", "we have to kids and for dogs",
        "it should arrive at ate thirty", "the reference they gave me was {o}", "i won the contest in {y}",
        "its flat {s} on the forth floor", "my member number is {o}", "the bill was for {s} pounds"};

    record Category(String name, java.util.function.Function<AsrCorpusGenerator, Case> make) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("asr-homophones", g -> g.dictation("asr-homophones", g::homophones, false)),
            new Category("asr-numeral-mix", g -> g.dictation("asr-numeral-mix", g::numeralMix, false)),
            new Category("asr-segmented", g -> g.dictation("asr-segmented", g::homophones, true)),
            new Category("asr-fragments", g -> g.dictation("asr-fragments", g::fragments, false)),
            new Category("asr-negatives", g -> g.negative()));

    private final SplittableRandom rnd;

    AsrCorpusGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    List<Case> generate(int perCategory) {
        List<Case> out = new ArrayList<>();
        for (Category c : CATEGORIES) {
            for (int i = 0; i < perCategory; i++) {
                out.add(c.make().apply(this));
            }
        }
        return out;
    }

    private String any(String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    /** Each digit as a word; about a third of them as a homophone the recogniser picked. */
    private List<Piece> homophones(String digits) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < digits.length(); i++) {
            String[] heard = HEARD[digits.charAt(i) - '0'];
            String w = rnd.nextInt(3) == 0 ? heard[1 + rnd.nextInt(heard.length - 1)] : heard[0];
            out.add(Piece.of(i == 0 ? "" : " "));
            out.add(Piece.secret(w));
        }
        return out;
    }

    /** Runs of 1–4 digits, each written as numerals or as words, as a recogniser switches between them. */
    private List<Piece> numeralMix(String digits) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < digits.length()) {
            int len = Math.min(digits.length() - i, 1 + rnd.nextInt(4));
            String part = digits.substring(i, i + len);
            out.add(Piece.of(i == 0 ? "" : rnd.nextInt(4) == 0 ? ", " : " "));
            if (rnd.nextBoolean()) {
                out.add(Piece.secret(part));
            } else {
                for (int k = 0; k < part.length(); k++) {
                    out.add(Piece.of(k == 0 ? "" : " "));
                    out.add(Piece.secret(HEARD[part.charAt(k) - '0'][0]));
                }
            }
            i += len;
        }
        return out;
    }

    /** Digit words with false starts: a fragment or a restart word before some digits. */
    private List<Piece> fragments(String digits) {
        List<Piece> out = new ArrayList<>();
        for (int i = 0; i < digits.length(); i++) {
            out.add(Piece.of(i == 0 ? "" : " "));
            int r = rnd.nextInt(8);
            if (r == 0) {
                out.add(Piece.of(any(FRAGMENTS) + " "));
            } else if (r == 1 && i > 0) {
                out.add(Piece.of(any(RESTARTS) + " "));
            }
            out.add(Piece.secret(HEARD[digits.charAt(i) - '0'][0]));
        }
        return out;
    }

    /**
     * The advisor asks, the caller dictates (in one turn, or, {@code segmented}, in 2–4 segments of the caller's
     * the recogniser cut at pauses, anywhere, with no advisor turn in between), the call goes on.
     */
    private Case dictation(String category, java.util.function.Function<String, List<Piece>> style,
                           boolean segmented) {
        Builder b = new Builder(category);
        b.turn(ADVISOR).text(rnd.nextBoolean() ? "can i take the card number please" : "whats the long number");
        CardIssuers.Card card = CardIssuers.random(rnd);
        List<Piece> pieces = style.apply(card.digits());
        Secret s = b.open(SecretKind.PAN, card.brand(), card.digits());
        b.turn(CALLER).text(any(LEAD_INS) + " ");
        int segments = segmented ? 2 + rnd.nextInt(3) : 1;
        List<Integer> cuts = new ArrayList<>();
        while (cuts.size() < segments - 1) {
            int at = 1 + rnd.nextInt(pieces.size() - 1);
            if (!cuts.contains(at) && !pieces.get(at).secret()) {
                cuts.add(at);
            }
        }
        List<Piece> part = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            if (cuts.contains(i)) {
                b.pieces(s, part);
                part = new ArrayList<>();
                b.turn(CALLER);
                continue; // the separator at a cut becomes the segment break
            }
            part.add(pieces.get(i));
        }
        b.pieces(s, part);
        b.close(s);
        b.text(any(CLOSINGS));
        b.turn(ADVISOR).text(any(ADVISOR_LINES));
        b.turn(CALLER).text(rnd.nextBoolean() ? "yes thats all thanks" : "no nothing else");
        return b.build(true);
    }

    /** A call with ASR-style harmless numbers and homophones, no card. */
    private Case negative() {
        Builder b = new Builder("asr-negatives");
        b.turn(ADVISOR).text("how can i help today");
        for (int k = 0; k < 2 + rnd.nextInt(3); k++) {
            String line = any(HARMLESS);
            b.turn(CALLER);
            int at = line.indexOf('{');
            if (at < 0) {
                b.text(line);
            } else {
                b.text(line.substring(0, at));
                b.decoy(harmless(line.charAt(at + 1)));
                b.text(line.substring(at + 3));
            }
            b.turn(ADVISOR).text(any(ADVISOR_LINES));
        }
        return b.build(true);
    }

    /** A phone number, an order number (Luhn-failing, 8–12 digits), a year or a small number, spoken or typed. */
    private String harmless(char kind) {
        String digits = switch (kind) {
            case 'p' -> "07" + digits(9);
            case 'o' -> digits(8 + rnd.nextInt(5));
            case 'y' -> String.valueOf(1990 + rnd.nextInt(35));
            default -> String.valueOf(1 + rnd.nextInt(400));
        };
        if (rnd.nextBoolean()) {
            return digits;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            String[] heard = HEARD[digits.charAt(i) - '0'];
            out.append(i == 0 ? "" : " ").append(rnd.nextInt(3) == 0 ? heard[1 + rnd.nextInt(heard.length - 1)]
                    : heard[0]);
        }
        return out.toString();
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + rnd.nextInt(10)));
        }
        return b.toString();
    }
}
