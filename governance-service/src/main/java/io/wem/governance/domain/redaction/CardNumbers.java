package io.wem.governance.domain.redaction;

/**
 * Luhn check and issuer ranges (IIN prefixes with their allowed lengths) of the card brands PCI DSS cares about.
 * Digits are ASCII chars in a buffer so the detector never builds strings of the secret.
 */
final class CardNumbers {

    private CardNumbers() {
    }

    static boolean luhn(char[] d, int off, int len) {
        int sum = 0;
        boolean dbl = false;
        for (int i = off + len - 1; i >= off; i--) {
            int v = d[i] - '0';
            if (dbl) {
                v <<= 1;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    private static int prefix(char[] d, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v * 10 + (d[off + i] - '0');
        }
        return v;
    }

    /**
     * The brand whose IIN range and length this number fits, or null. Deliberately broad (fail closed): where
     * brands share prefixes every length any of them issues is accepted.
     */
    static String issuer(char[] d, int off, int len) {
        if (len < 12 || len > 19) {
            return null;
        }
        int p1 = d[off] - '0';
        int p2 = prefix(d, off, 2);
        int p3 = prefix(d, off, 3);
        int p4 = prefix(d, off, 4);
        int p6 = prefix(d, off, 6);
        if (p1 == 4 && (len == 13 || len == 16 || len == 19)) {
            return "visa";
        }
        if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len == 16) {
            return "mastercard";
        }
        if ((p2 == 34 || p2 == 37) && len == 15) {
            return "amex";
        }
        if (p4 >= 2200 && p4 <= 2204 && len >= 16 && len <= 19) {
            return "mir";
        }
        if (p4 == 2205 && len == 16) {
            return "borica";
        }
        if ((p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925))
                && len >= 16 && len <= 19) {
            return "discover";
        }
        if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) {
            return "jcb"; // includes RuPay 353/356 and LankaPay 357111
        }
        if (((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) && len >= 14 && len <= 19) {
            return "diners";
        }
        if ((p2 == 62 || p2 == 81) && len >= 16 && len <= 19) {
            return "unionpay";
        }
        if ((p2 == 60 || p2 == 65 || p2 == 81 || p2 == 82 || p3 == 508) && len == 16) {
            return "rupay";
        }
        if (((p6 >= 506099 && p6 <= 506198) || (p6 >= 650002 && p6 <= 650027) || (p6 >= 507865 && p6 <= 507964))
                && (len == 16 || len == 18 || len == 19)) {
            return "verve";
        }
        if ((p4 == 9792 || p4 == 9860) && len == 16) {
            return "troy-humo";
        }
        if (p4 == 1946 && (len == 16 || len == 18 || len == 19)) {
            return "gpn";
        }
        if (p1 == 1 && len == 15) {
            return "uatp";
        }
        if ((p2 == 50 || (p2 >= 56 && p2 <= 69)) && len >= 12 && len <= 19) {
            return "maestro"; // also Dankort, InterPayment, InstaPayment, UkrCard, NPS
        }
        return null;
    }

    static boolean plausiblePan(char[] d, int off, int len) {
        return issuer(d, off, len) != null && luhn(d, off, len);
    }
}
