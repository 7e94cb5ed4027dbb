package io.wem.governance.pcicorpus;

import io.wem.governance.pcicorpus.Corpus.Builder;
import io.wem.governance.pcicorpus.Corpus.Case;
import io.wem.governance.pcicorpus.Corpus.Piece;
import io.wem.governance.pcicorpus.Corpus.Secret;
import io.wem.governance.pcicorpus.Corpus.SecretKind;
import io.wem.governance.pcicorpus.Renderer.Style;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Generates the labelled corpus: card numbers of every brand in every way people type or say them, alone, in
 * everyday context, split over turns, inside long transcripts, with security codes and expiry dates, and hard
 * negatives. Deterministic for a seed.
 */
final class CorpusGenerator {

    static final String CUSTOMER = "customer";
    static final String AGENT = "agent";

    /** Lead-ins a caller uses before a card number; {} marks the number. */
    static final String[] CARD_CONTEXTS = {"my card number is {}", "it's {}", "sure, {}", "the card is {}",
        "ok the long number is {}", "{}", "yeah it's {} on the front", "number's {}", "I'll read it out, {}",
        "that would be {}", "visa {}", "right so it's {} yeah", "the number on my debit card is {}",
        "okay, {}, that's the one", "um it's {} I think", "long number {}", "{} is the card"};
    /** Everyday words that must not switch detection off. */
    static final String[] EVERYDAY_CONTEXTS = {"thanks for your call, the number is {}",
        "the order was paid with {}", "id {}", "{} is my confirmation", "my customer id is {}", "reference {}",
        "the ticket says {}", "tracking {} please", "account {} thanks", "invoice {} was wrong",
        "order number {}", "call reference {}", "the timestamp shows {}", "phone {}", "the booking code is {}",
        "member number {} if that helps", "it says {} on the receipt", "case {}", "I was told to quote {}",
        "serial {}", "my login is {}", "transaction {} failed"};
    static final String[] AGENT_ACKS = {"okay", "mm-hm", "yes, go on", "got it", "and the rest?",
        "sorry, could you say that again?", "right", "uh-huh", "okay, next?", "yep", "thank you, go ahead",
        "one moment... okay", "I'm with you"};
    static final String[] CONTINUATIONS = {"", "then ", "and ", "okay ", "the next ones are ", "after that ",
        "um ", "right, ", "so ", "yeah "};
    static final String[] SMALL_TALK_CUSTOMER = {"hi, I'm calling about my bill", "yes that's me",
        "I moved house last month", "it was supposed to arrive on Tuesday", "my daughter set up the account",
        "no, nothing else changed", "that's right", "can you hear me okay?", "I've been on hold for ages",
        "I just want to pay the outstanding balance", "sorry, the line is bad", "yes please",
        "I'd like to update my payment details", "the delivery never came", "thank you so much",
        "I called two times last week", "it's for the four of us", "I've got one more question"};
    static final String[] SMALL_TALK_AGENT = {"thanks for calling, how can I help?", "can I take your name please?",
        "I can help with that", "let me pull up your account", "I'll just put you on hold for a moment",
        "is there anything else I can do for you today?", "thanks for waiting",
        "could you confirm your postcode?", "I'm sorry to hear that", "okay, I've updated that for you",
        "this call may be recorded for quality", "can I take the card details?", "bear with me"};
    static final String[] CVV_ASKS = {"and the three digits on the back?", "the security code please?",
        "and the CVV?", "and the code on the back of the card?", "last thing, the card verification code?",
        "and the CVC number?"};
    static final String[] AMEX_CVV_ASKS = {"and the four digit code on the front?", "the four-digit security code?",
        "and the CID, the four digits on the front?"};
    static final String[] ANSWER_FORMS = {"{}", "it's {}", "um, {}", "{} I think", "yeah {}", "that's {}",
        "uh {}", "okay {}"};
    static final String[] EXPIRY_ASKS = {"and the expiry date?", "when does it expire?", "expiry?",
        "what's the valid-thru date?", "and the expiration date please?", "the end date on the card?"};
    static final String[] MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december"};

    /** Categories and how each case of it is made. */
    record Category(String name, Function<CorpusGenerator, Case> make) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("typed-contiguous", g -> g.single("typed-contiguous", Style.TYPED_PLAIN, false)),
            new Category("typed-grouped", g -> g.single("typed-grouped", Style.TYPED_GROUPED, false)),
            new Category("typed-separators", g -> g.single("typed-separators", Style.TYPED_SEPARATORS, false)),
            new Category("typed-unicode", g -> g.single("typed-unicode", Style.TYPED_UNICODE, false)),
            new Category("typed-glued-letters", g -> g.glued()),
            new Category("everyday-context", g -> g.single("everyday-context",
                    g.rnd.nextBoolean() ? Style.TYPED_GROUPED : Style.values()[g.rnd.nextInt(Style.values().length)],
                    true)),
            new Category("spoken-digits", g -> g.single("spoken-digits", Style.SPOKEN_DIGITS, false)),
            new Category("spoken-oh-nought", g -> g.single("spoken-oh-nought", Style.SPOKEN_OH, false)),
            new Category("spoken-double-triple", g -> g.single("spoken-double-triple", Style.SPOKEN_DOUBLE, false)),
            new Category("spoken-fillers-ellipses", g -> g.single("spoken-fillers-ellipses", Style.SPOKEN_FILLERS,
                    false)),
            new Category("spoken-pairs-teens-tens", g -> g.single("spoken-pairs-teens-tens", Style.SPOKEN_PAIRS,
                    false)),
            new Category("spoken-hundreds", g -> g.single("spoken-hundreds", Style.SPOKEN_HUNDREDS, false)),
            new Category("spoken-corrections", g -> g.single("spoken-corrections", Style.SPOKEN_CORRECTION, false)),
            new Category("spoken-sound-alikes", g -> g.single("spoken-sound-alikes", Style.SPOKEN_SOUNDALIKE, false)),
            new Category("mixed-digits-words", g -> g.single("mixed-digits-words", Style.MIXED, false)),
            new Category("split-turns-typed", g -> g.split("split-turns-typed",
                    g.rnd.nextBoolean() ? Style.TYPED_GROUPED : Style.TYPED_SEPARATORS)),
            new Category("split-turns-spoken", g -> g.split("split-turns-spoken",
                    Style.values()[Style.SPOKEN_DIGITS.ordinal() + g.rnd.nextInt(9)])),
            new Category("long-transcript", g -> g.longTranscript()),
            new Category("cvv-digits", g -> g.withFollowUp("cvv-digits", true, false)),
            new Category("cvv-spoken", g -> g.withFollowUp("cvv-spoken", true, true)),
            new Category("expiry-digits", g -> g.withFollowUp("expiry-digits", false, false)),
            new Category("expiry-spoken", g -> g.withFollowUp("expiry-spoken", false, true)),
            new Category("hard-negatives", g -> g.negatives()),
            new Category("negative-conversations", g -> g.negativeConversation()));

    final SplittableRandom rnd;
    private final Renderer render;
    private final Decoys decoys;

    CorpusGenerator(long seed) {
        this.rnd = new SplittableRandom(seed);
        this.render = new Renderer(rnd);
        this.decoys = new Decoys(rnd, render);
    }

    /** {@code perCategory} cases of every category, in a fixed order. */
    List<Case> generate(int perCategory) {
        List<Case> out = new ArrayList<>();
        for (Category c : CATEGORIES) {
            for (int i = 0; i < perCategory; i++) {
                out.add(c.make().apply(this));
            }
        }
        return out;
    }

    private String pick(String[] a) {
        return render.pick(a);
    }

    /** A card number that shows what the style is about (a zero for "oh", a repeated digit for "double"). */
    private CardIssuers.Card card(Style style) {
        while (true) {
            CardIssuers.Card c = CardIssuers.random(rnd);
            String d = c.digits();
            if (style == Style.SPOKEN_OH && d.indexOf('0') < 0) {
                continue;
            }
            if (style == Style.SPOKEN_DOUBLE && !d.matches(".*(\\d)\\1.*")) {
                continue;
            }
            if (style == Style.SPOKEN_SOUNDALIKE && !d.substring(1, d.length() - 1).matches(".*[1248].*")) {
                continue;
            }
            return c;
        }
    }

    /** Writes the card's groups into the current turn, with the style's pause between groups. */
    private Secret writeCard(Builder b, CardIssuers.Card c, Style style) {
        Secret s = b.open(SecretKind.PAN, c.brand(), c.digits());
        List<List<Piece>> groups = render.render(c.digits(), style);
        for (int i = 0; i < groups.size(); i++) {
            if (i > 0) {
                b.text(render.between(style));
            }
            b.pieces(s, groups.get(i));
        }
        b.close(s);
        return s;
    }

    private void inContext(Builder b, String context, Runnable number) {
        int at = context.indexOf("{}");
        b.text(context.substring(0, at));
        number.run();
        b.text(context.substring(at + 2));
    }

    Case single(String category, Style style, boolean everyday) {
        Builder b = new Builder(category).turn(CUSTOMER);
        CardIssuers.Card c = card(style);
        inContext(b, pick(everyday ? EVERYDAY_CONTEXTS : CARD_CONTEXTS), () -> writeCard(b, c, style));
        return b.build(false);
    }

    Case glued() {
        Builder b = new Builder("typed-glued-letters").turn(CUSTOMER);
        CardIssuers.Card c = card(Style.TYPED_GLUED);
        String[] glue = Renderer.GLUE[rnd.nextInt(Renderer.GLUE.length)];
        inContext(b, pick(CARD_CONTEXTS), () -> {
            b.text(glue[0]);
            writeCard(b, c, rnd.nextBoolean() ? Style.TYPED_PLAIN : Style.TYPED_GLUED);
            b.text(glue[1]);
        });
        return b.build(false);
    }

    /** The card's groups spread over 2–4 customer turns with agent turns in between. */
    Case split(String category, Style style) {
        Builder b = new Builder(category);
        b.turn(AGENT).text(pick(SMALL_TALK_AGENT));
        CardIssuers.Card c = card(style);
        writeSplit(b, c, style);
        b.turn(AGENT).text(pick(SMALL_TALK_AGENT));
        return b.build(true);
    }

    private void writeSplit(Builder b, CardIssuers.Card c, Style style) {
        List<List<Piece>> groups = render.render(c.digits(), style);
        int parts = Math.min(groups.size(), 2 + rnd.nextInt(3));
        // cut points: part k ends after group cut[k]
        List<Integer> cuts = new ArrayList<>();
        for (int k = 1; k < parts; k++) {
            int at = k * groups.size() / parts;
            if (cuts.isEmpty() || at > cuts.get(cuts.size() - 1)) {
                cuts.add(at);
            }
        }
        Secret s = b.open(SecretKind.PAN, c.brand(), c.digits());
        b.turn(CUSTOMER);
        String lead = pick(CARD_CONTEXTS);
        b.text(lead.substring(0, lead.indexOf("{}")));
        for (int i = 0; i < groups.size(); i++) {
            if (cuts.contains(i)) {
                int acks = rnd.nextInt(5) == 0 ? 2 : 1;
                for (int a = 0; a < acks; a++) {
                    b.turn(AGENT).text(pick(AGENT_ACKS));
                }
                b.turn(CUSTOMER).text(pick(CONTINUATIONS));
            } else if (i > 0) {
                b.text(render.between(style));
            }
            b.pieces(s, groups.get(i));
        }
        b.close(s);
    }

    /** A call of 12–30 turns: small talk, harmless numbers, the card somewhere (maybe split), maybe CVV/expiry. */
    Case longTranscript() {
        Builder b = new Builder("long-transcript");
        int before = 3 + rnd.nextInt(10);
        b.turn(AGENT).text(pick(SMALL_TALK_AGENT));
        for (int i = 0; i < before; i++) {
            smallTalk(b, i % 2 == 0 ? CUSTOMER : AGENT);
        }
        if (before % 2 == 1) { // the last small-talk turn was the customer's
            b.turn(AGENT).text(pick(SMALL_TALK_AGENT));
        }
        Style style = Style.values()[rnd.nextInt(Style.values().length)];
        CardIssuers.Card c = card(style);
        if (rnd.nextInt(3) == 0) {
            writeSplit(b, c, style);
        } else {
            b.turn(CUSTOMER);
            inContext(b, pick(rnd.nextBoolean() ? CARD_CONTEXTS : EVERYDAY_CONTEXTS), () -> writeCard(b, c, style));
        }
        if (rnd.nextBoolean()) {
            followUp(b, c, rnd.nextBoolean(), rnd.nextBoolean());
        }
        int after = 2 + rnd.nextInt(10);
        for (int i = 0; i < after; i++) {
            smallTalk(b, i % 2 == 0 ? AGENT : CUSTOMER);
        }
        return b.build(true);
    }

    private void smallTalk(Builder b, String speaker) {
        b.turn(speaker);
        if (rnd.nextInt(4) == 0) {
            decoys.sentence(b);
        } else {
            b.text(pick(speaker.equals(CUSTOMER) ? SMALL_TALK_CUSTOMER : SMALL_TALK_AGENT));
        }
    }

    /** Card number, then a few turns later the security code or the expiry date. */
    Case withFollowUp(String category, boolean cvv, boolean spoken) {
        Builder b = new Builder(category);
        b.turn(AGENT).text(pick(SMALL_TALK_AGENT));
        Style style = Style.values()[rnd.nextInt(Style.values().length)];
        CardIssuers.Card c = card(style);
        b.turn(CUSTOMER);
        inContext(b, pick(CARD_CONTEXTS), () -> writeCard(b, c, style));
        followUp(b, c, cvv, spoken);
        b.turn(AGENT).text(pick(SMALL_TALK_AGENT));
        return b.build(true);
    }

    private void followUp(Builder b, CardIssuers.Card c, boolean cvv, boolean spoken) {
        int gap = rnd.nextInt(3);
        boolean inline = cvv && rnd.nextInt(6) == 0;
        if (!inline) {
            b.turn(AGENT).text(pick(cvv ? (c.brand().equals("Amex") ? AMEX_CVV_ASKS : CVV_ASKS) : EXPIRY_ASKS));
            for (int i = 0; i < gap; i++) {
                b.turn(CUSTOMER).text(pick(new String[] {"hang on", "just a second, let me turn it over",
                    "sorry, where is that?", "let me find my glasses"}));
                b.turn(AGENT).text(pick(new String[] {"no problem", "take your time", "sure", "okay"}));
            }
        }
        b.turn(CUSTOMER);
        String form = inline ? pick(new String[] {"the security code, the three digits, is {}",
            "and the code on the back is {}", "cvv {}"}) : pick(ANSWER_FORMS);
        if (cvv) {
            StringBuilder code = new StringBuilder();
            int len = c.brand().equals("Amex") ? 4 : 3;
            for (int i = 0; i < len; i++) {
                code.append((char) ('0' + rnd.nextInt(10)));
            }
            Secret s = b.open(SecretKind.CVV, c.brand(), code.toString());
            inContext(b, form, () -> b.pieces(s, spoken ? spokenCode(code.toString()) : typedCode(code.toString())));
            b.close(s);
        } else {
            int month = 1 + rnd.nextInt(12);
            int year = 26 + rnd.nextInt(10);
            String digits = String.format(Locale.ROOT, "%02d%02d", month, year);
            Secret s = b.open(SecretKind.EXPIRY, c.brand(), digits);
            inContext(b, form, () -> b.pieces(s, spoken ? spokenExpiry(month, year) : typedExpiry(month, year)));
            b.close(s);
        }
    }

    private List<Piece> typedCode(String code) {
        return List.of(Piece.secret(code));
    }

    private List<Piece> spokenCode(String code) {
        List<Piece> out = new ArrayList<>();
        if (code.length() == 4 && code.charAt(0) != '0' && code.charAt(2) != '0' && rnd.nextBoolean()) {
            out.add(Piece.secret(render.twoDigits(code.charAt(0), code.charAt(1), false)));
            out.add(Piece.of(" "));
            out.add(Piece.secret(render.twoDigits(code.charAt(2), code.charAt(3), false)));
            return out;
        }
        for (int i = 0; i < code.length(); i++) {
            if (i > 0) {
                out.add(Piece.of(rnd.nextInt(4) == 0 ? ", " : " "));
            }
            out.add(Piece.secret(render.digitWord(code.charAt(i), true)));
        }
        return out;
    }

    private List<Piece> typedExpiry(int month, int year) {
        String mm = String.format(Locale.ROOT, "%02d", month);
        String yy = String.format(Locale.ROOT, "%02d", year);
        return switch (rnd.nextInt(7)) {
            case 0 -> List.of(Piece.secret(mm + "/" + yy));
            case 1 -> List.of(Piece.secret(mm + "/20" + yy));
            case 2 -> List.of(Piece.secret(mm + "-" + yy));
            case 3 -> List.of(Piece.secret(mm + yy));
            case 4 -> List.of(Piece.secret(month + "/" + yy));
            case 5 -> List.of(Piece.secret(mm), Piece.of(" / "), Piece.secret(yy));
            default -> List.of(Piece.secret(mm + "." + "20" + yy));
        };
    }

    private List<Piece> spokenExpiry(int month, int year) {
        String mm = String.format(Locale.ROOT, "%02d", month);
        String yy = String.format(Locale.ROOT, "%02d", year);
        String yearWords = render.twoDigits(yy.charAt(0), yy.charAt(1), false);
        String monthWords = month < 10 ? render.pick(Renderer.ZEROS) + " " + Renderer.UNITS[month]
                : render.twoDigits(mm.charAt(0), mm.charAt(1), false);
        return switch (rnd.nextInt(6)) {
            case 0 -> List.of(Piece.secret(monthWords), Piece.of(" "), Piece.secret(yearWords));
            case 1 -> List.of(Piece.secret(MONTHS[month - 1]), Piece.of(" "), Piece.secret("twenty " + yearWords));
            case 2 -> List.of(Piece.secret(MONTHS[month - 1]), Piece.of(" "),
                    Piece.secret("two thousand and " + yearWords));
            case 3 -> List.of(Piece.secret(monthWords), Piece.of(" slash "), Piece.secret(yearWords));
            case 4 -> List.of(Piece.secret(MONTHS[month - 1]), Piece.of(" "), Piece.secret(yearWords));
            default -> List.of(Piece.secret(Renderer.UNITS[mm.charAt(0) - '0'] + " " + Renderer.UNITS[month % 10]),
                    Piece.of(" "), Piece.secret(Renderer.UNITS[year / 10] + " " + Renderer.UNITS[year % 10]));
        };
    }

    /** One text with one to three harmless numbers. */
    Case negatives() {
        Builder b = new Builder("hard-negatives").turn(CUSTOMER);
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.text(pick(new String[] {" and ", ", also ", ". ", "; "}));
            }
            decoys.sentence(b);
        }
        return b.build(false);
    }

    /** A call with no card data at all, but many harmless numbers. */
    Case negativeConversation() {
        Builder b = new Builder("negative-conversations");
        int turns = 6 + rnd.nextInt(14);
        for (int i = 0; i < turns; i++) {
            smallTalk(b, i % 2 == 0 ? AGENT : CUSTOMER);
        }
        return b.build(true);
    }
}
