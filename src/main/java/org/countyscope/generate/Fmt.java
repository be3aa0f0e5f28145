package org.countyscope.generate;

/** Fast, locale-free number formatting for the generated files. */
final class Fmt {

    private Fmt() {
    }

    /** Hundredths as a decimal with two places: 12345 → "123.45". */
    static String cents(long cents) {
        StringBuilder sb = new StringBuilder(16);
        appendCents(sb, cents);
        return sb.toString();
    }

    static void appendCents(StringBuilder sb, long cents) {
        if (cents < 0) {
            sb.append('-');
            cents = -cents;
        }
        sb.append(cents / 100).append('.');
        long frac = cents % 100;
        if (frac < 10) {
            sb.append('0');
        }
        sb.append(frac);
    }

    /** A value rounded half away from zero to hundredths. */
    static long toCents(double value) {
        return Math.round(value * 100.0);
    }

    static String money(double value) {
        return cents(toCents(value));
    }

    /** One decimal place, as statistical indices are published. */
    static String oneDecimal(double value) {
        long tenths = Math.round(value * 10.0);
        StringBuilder sb = new StringBuilder(12);
        if (tenths < 0) {
            sb.append('-');
            tenths = -tenths;
        }
        return sb.append(tenths / 10).append('.').append(tenths % 10).toString();
    }

    static double round1(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
