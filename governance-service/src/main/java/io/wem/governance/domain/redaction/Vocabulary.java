package io.wem.governance.domain.redaction;

/**
 * The few words the detector understands (number words, fillers and context words), in an open-addressing
 * table keyed by a case-insensitive hash computed while tokenizing, so looking a word up allocates nothing.
 * Every other word is "unknown": it ends a spoken number and only counts for context distance.
 */
final class Vocabulary {
    static final int NONE = 0;
    static final int DIGIT = 1 << 8;      // value 0..9 ("oh", "zero", "one" ...)
    static final int TWO = 2 << 8;        // value 10..99 said as one word ("eleven", "fortyone")
    static final int TENS = 3 << 8;       // value 20..90, may take a unit ("forty one")
    static final int MULT = 4 << 8;       // "double" = 2, "triple" = 3
    static final int HESITATION = 5 << 8; // "uh", "um": skipped inside any spoken number
    static final int CARD = 6 << 8;       // a card is being talked about
    static final int FILLER = 7 << 8;     // "sorry", "let me see", "okay": skipped inside a card number being read
    static final int CVV = 8 << 8;
    static final int EXPIRY = 9 << 8;
    static final int MONTH = 10 << 8;     // value 1..12
    static final int SOUNDALIKE = 11 << 8; // "for", "to", "won", "ate": a digit only inside a run of digits
    static final int HUNDRED = 12 << 8;
    static final int THOUSAND = 13 << 8;
    static final int CORRECTION = 14 << 8; // "no", "actually", "I mean": the speaker corrects digits
    static final int SEPARATOR = 15 << 8;  // "slash", "dash": said between groups, also inside dates and codes
    static final int QUANTITY = 16 << 8;   // "digits": "the three digits" is a description, not a code
    static final int AND = 17 << 8;        // "and": inside "four hundred and twelve", else a filler
    static final int BACK = 18 << 8;       // "back": CVV context only as "the back"
    static final int END = 19 << 8;        // "end date": expiry context
    static final int DATE = 20 << 8;
    static final int PHONE = 21 << 8;      // "phone", "mobile": only ever removes a suspected partial card number
    /** "order", "tracking", "iban": another kind of number is named; only ever removes a suspected card number. */
    static final int OTHER_NUMBER = 22 << 8;
    /** "code": a security code only right after a card ("4111... code 321"); elsewhere "zip code", "promo code". */
    static final int CODE = 23 << 8;
    /** Value of the filler "the" (fillers have no numeric value otherwise). */
    static final int THE = 1;
    /** Value of an OTHER_NUMBER word that names a currency after an amount ("300 dollars"): never a code. */
    static final int CURRENCY = 1;

    static final int CATEGORY = 0xFF00;
    static final int VALUE = 0xFF;

    private static final int SIZE = 1024;
    private static final char[][] KEYS = new char[SIZE][];
    private static final int[] CODES = new int[SIZE];

    static {
        String[] digits = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        for (int i = 0; i < digits.length; i++) {
            put(digits[i], DIGIT | i);
        }
        for (String w : new String[] {"oh", "o", "nought", "naught", "nil"}) {
            put(w, DIGIT);
        }
        // radio and call-centre habits, unambiguous as digits: "niner", "fower", "fife"
        put("niner", DIGIT | 9);
        put("fower", DIGIT | 4);
        put("fife", DIGIT | 5);
        put("oo", TWO); // "71 oo-9": a chat "oo" for 00 (value 0 as two digits)
        String[] teens = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"};
        for (int i = 0; i < teens.length; i++) {
            put(teens[i], TWO | (10 + i));
        }
        String[] tens = {"twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        int[] tensValues = {20, 30, 40, 40, 50, 60, 70, 80, 90};
        for (int i = 0; i < tens.length; i++) {
            put(tens[i], TENS | tensValues[i]);
            for (int u = 1; u <= 9; u++) {
                put(tens[i] + digits[u], TWO | (tensValues[i] + u)); // "fortyone", as transcribers glue them
            }
        }
        put("double", MULT | 2);
        put("triple", MULT | 3);
        put("treble", MULT | 3);
        put("hundred", HUNDRED);
        put("thousand", THOUSAND);
        String[][] alikes = {{"for", "4"}, {"fore", "4"}, {"to", "2"}, {"too", "2"}, {"won", "1"}, {"ate", "8"},
            {"tree", "3"}, {"free", "3"}, {"sex", "6"}, {"nein", "9"}, {"fiv", "5"}, {"sicks", "6"}, {"tu", "2"}};
        for (String[] a : alikes) {
            put(a[0], SOUNDALIKE | (a[1].charAt(0) - '0'));
        }
        for (String w : new String[] {"uh", "um", "uhm", "umm", "uhh", "er", "erm", "err", "ah", "eh", "hmm", "hm",
                "mm", "mmm"}) {
            put(w, HESITATION);
        }
        put("the", FILLER | THE);
        put("back", BACK);
        put("end", END);
        put("date", DATE);
        for (String w : new String[] {"okay", "ok", "so", "yeah", "yes", "yep", "right", "wait", "well",
                "let", "me", "see", "hang", "on", "just", "sec", "second", "moment", "that's", "thats", "that",
                "is", "it's", "its", "it", "then", "next", "like", "again", "got", "check", "hold", "bear", "with",
                "there", "here", "you", "go", "are", "they", "the", "rest", "last", "first", "bit", "part", "ready",
                "lemme", "gimme", "think", "now", "ehm", "alright", "sure", "number",
                "numbers", "goes", "continues", "follows", "by", "more", "few"}) {
            put(w, FILLER);
        }
        put("and", AND);
        for (String w : new String[] {"no", "sorry", "nope", "actually", "mean", "correction", "oops", "scratch", "instead",
                "not"}) {
            put(w, CORRECTION);
        }
        for (String w : new String[] {"slash", "dash", "hyphen", "space", "comma", "dot", "point", "stroke", "of",
                "over"}) {
            put(w, SEPARATOR);
        }
        for (String w : new String[] {"digits", "digit", "numerals", "characters", "letters", "figures", "figure"}) {
            put(w, QUANTITY);
        }
        for (String w : new String[] {"card", "cards", "card's", "visa", "mastercard", "amex", "discover", "jcb",
                "diners", "unionpay", "maestro", "credit", "debit", "pan", "cc", "cardholder", "mir", "rupay",
                "verve", "troy", "elo", "prepaid"}) {
            put(w, CARD);
        }
        for (String w : new String[] {"phone", "mobile", "telephone", "landline", "cell", "ring", "reach"}) {
            put(w, PHONE);
        }
        // said after an amount: "300 dollars and 91 cents" is no expiry 3/00 and no security code
        for (String w : new String[] {"dollars", "dollar", "pounds", "pound", "euros", "euro", "cents", "cent",
                "pence", "penny", "bucks", "quid", "usd", "eur", "gbp", "rupees", "yen", "francs"}) {
            put(w, OTHER_NUMBER | CURRENCY);
        }
        for (String w : new String[] {"order", "tracking", "reference", "ref", "invoice", "iban", "account", "booking",
                "parcel", "shipment", "postcode", "zip", "policy", "birth", "born", "timestamp", "logged", "created",
                "delivered", "ordered", "appointment", "charged", "bill", "balance", "refund", "total", "euros",
                "pounds", "dollars", "minutes", "years", "times", "flat", "apartment", "house", "street"}) {
            put(w, OTHER_NUMBER);
        }
        for (String w : new String[] {"cvv", "cvc", "cvv2", "cvc2", "cid", "csc", "security", "verification",
                "pin"}) {
            put(w, CVV);
        }
        put("code", CODE);
        for (String w : new String[] {"expires", "expire", "expiry", "expiration", "exp", "expiring", "expired",
                "thru", "valid", "until", "till"}) {
            put(w, EXPIRY);
        }
        String[][] months = {{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may"},
                {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep", "sept"}, {"october", "oct"},
                {"november", "nov"}, {"december", "dec"}};
        for (int m = 0; m < months.length; m++) {
            for (String w : months[m]) {
                put(w, MONTH | (m + 1));
            }
        }
    }

    private Vocabulary() {
    }

    static int hashStep(int h, char lower) {
        return h * 31 + lower;
    }

    private static void put(String word, int code) {
        int h = 0;
        for (int i = 0; i < word.length(); i++) {
            h = hashStep(h, word.charAt(i));
        }
        int slot = h & (SIZE - 1);
        while (KEYS[slot] != null) {
            if (new String(KEYS[slot]).equals(word)) {
                return; // first meaning wins
            }
            slot = (slot + 1) & (SIZE - 1);
        }
        KEYS[slot] = word.toCharArray();
        CODES[slot] = code;
    }

    /** The code of the lower-cased word in buf[0, len), NONE if it is not a known word. */
    static int lookup(char[] buf, int len, int hash) {
        if (len > 14) {
            return NONE;
        }
        int slot = hash & (SIZE - 1);
        char[] key;
        while ((key = KEYS[slot]) != null) {
            if (key.length == len && matches(key, buf)) {
                return CODES[slot];
            }
            slot = (slot + 1) & (SIZE - 1);
        }
        return NONE;
    }

    private static boolean matches(char[] key, char[] buf) {
        for (int i = 0; i < key.length; i++) {
            if (buf[i] != key[i]) {
                return false;
            }
        }
        return true;
    }
}
