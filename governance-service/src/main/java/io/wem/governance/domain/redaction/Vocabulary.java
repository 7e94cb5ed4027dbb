package io.wem.governance.domain.redaction;

/**
 * The few words the detector understands (number words, fillers and context words), in an open-addressing
 * table keyed by a case-insensitive hash computed while tokenizing, so looking a word up allocates nothing.
 */
final class Vocabulary {
    static final int NONE = 0;
    static final int DIGIT = 1 << 8;   // value 0..9 ("oh", "zero", "one" ...)
    static final int TEEN = 2 << 8;    // value 10..19
    static final int TENS = 3 << 8;    // value 20..90
    static final int MULT = 4 << 8;    // "double" = 2, "triple" = 3
    static final int FILLER = 5 << 8;  // "uh", "um": skipped inside spoken numbers
    static final int CARD = 6 << 8;    // a card is being talked about
    static final int NOT_CARD = 7 << 8; // order, ticket, phone...: digits here are not a card
    static final int CVV = 8 << 8;
    static final int EXPIRY = 9 << 8;
    static final int MONTH = 10 << 8;  // value 1..12

    static final int CATEGORY = 0xFF00;
    static final int VALUE = 0xFF;

    private static final int SIZE = 512;
    private static final char[][] KEYS = new char[SIZE][];
    private static final int[] CODES = new int[SIZE];

    static {
        String[] digits = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        for (int i = 0; i < digits.length; i++) {
            put(digits[i], DIGIT | i);
        }
        put("oh", DIGIT);
        put("o", DIGIT);
        put("nought", DIGIT);
        put("naught", DIGIT);
        String[] teens = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                "eighteen", "nineteen"};
        for (int i = 0; i < teens.length; i++) {
            put(teens[i], TEEN | (10 + i));
        }
        String[] tens = {"twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        int[] tensValues = {20, 30, 40, 40, 50, 60, 70, 80, 90};
        for (int i = 0; i < tens.length; i++) {
            put(tens[i], TENS | tensValues[i]);
        }
        put("double", MULT | 2);
        put("triple", MULT | 3);
        for (String w : new String[] {"uh", "um", "uhm", "er", "erm", "ah", "hmm", "mm"}) {
            put(w, FILLER);
        }
        for (String w : new String[] {"card", "cards", "visa", "mastercard", "amex", "discover", "jcb", "diners",
                "unionpay", "maestro", "credit", "debit", "pan", "cc", "cardholder"}) {
            put(w, CARD);
        }
        for (String w : new String[] {"order", "orders", "ticket", "tracking", "reference", "ref", "invoice", "case",
                "confirmation", "booking", "phone", "call", "mobile", "cell", "fax", "tel", "telephone", "timestamp",
                "ts", "id", "serial", "sku", "policy", "claim", "membership", "imei", "iban",
                "routing", "parcel", "shipment", "transaction", "receipt", "extension", "ext", "zip", "postcode",
                "ssn", "loyalty", "voucher", "epoch", "millis", "unix", "isbn", "upc", "ean", "barcode",
                "contract", "incident", "request", "vin", "license", "passport", "employee", "dial", "ring",
                "callback", "whatsapp", "sms"}) {
            put(w, NOT_CARD);
        }
        for (String w : new String[] {"cvv", "cvc", "cvv2", "cvc2", "cid", "csc", "security", "verification",
                "back"}) {
            put(w, CVV);
        }
        for (String w : new String[] {"expires", "expire", "expiry", "expiration", "exp", "expiring", "expired",
                "thru", "valid"}) {
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
            slot = (slot + 1) & (SIZE - 1);
        }
        KEYS[slot] = word.toCharArray();
        CODES[slot] = code;
    }

    /** The code of text[start, end) (any case), NONE if it is not a known word. */
    static int lookup(char[] text, int start, int end, int hash) {
        int len = end - start;
        if (len > 12) {
            return NONE;
        }
        int slot = hash & (SIZE - 1);
        char[] key;
        while ((key = KEYS[slot]) != null) {
            if (key.length == len && matches(key, text, start)) {
                return CODES[slot];
            }
            slot = (slot + 1) & (SIZE - 1);
        }
        return NONE;
    }

    private static boolean matches(char[] key, char[] text, int start) {
        for (int i = 0; i < key.length; i++) {
            char c = text[start + i];
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != key[i]) {
                return false;
            }
        }
        return true;
    }
}
