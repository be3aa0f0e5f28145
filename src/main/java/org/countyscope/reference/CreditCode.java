package org.countyscope.reference;

import java.util.Optional;

/** Validates and builds 统一社会信用代码 (unified social credit codes, GB 32100-2015). */
public final class CreditCode {

    /** The 31 characters GB 32100 allows, in the order that gives each its numeric value. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int LENGTH = 18;
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCode() {
    }

    /** Returns why the code is invalid, in Chinese, or empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null) {
            return Optional.of("长度应为18位，实际0位");
        }
        int length = code.codePointCount(0, code.length());
        if (length != LENGTH) {
            return Optional.of("长度应为18位，实际" + length + "位");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (CHARSET.indexOf(c) < 0) {
                return Optional.of("含有不允许的字符：" + c);
            }
        }
        char expected = checkChar(code.substring(0, LENGTH - 1));
        char actual = code.charAt(LENGTH - 1);
        if (expected != actual) {
            return Optional.of("校验位错误：应为" + expected + "，实际" + actual);
        }
        return Optional.empty();
    }

    /** True when {@link #problem(String)} finds nothing wrong. */
    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The 18th character for the given first 17 characters. */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException("need 17 characters, got " + (first17 == null ? "null" : first17.length()));
        }
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character not allowed: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /**
     * Builds a fully valid code: authority, type, region, an organization code with its own check digit, and the
     * check char.
     */
    public static String make(char authority, char type, String region6, String orgBody8) {
        if (region6 == null || !region6.matches("\\d{6}")) {
            throw new IllegalArgumentException("region code must be 6 digits: " + region6);
        }
        if (orgBody8 == null || orgBody8.length() != 8) {
            throw new IllegalArgumentException("organization code body must be 8 characters: " + orgBody8);
        }
        String first17 = "" + authority + type + region6 + orgBody8 + orgCheckDigit(orgBody8);
        return first17 + checkChar(first17);
    }

    /** GB 11714 check digit of an organization code body; letters count 10 to 35 by their place in A–Z. */
    static char orgCheckDigit(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int value;
            if (ch >= '0' && ch <= '9') {
                value = ch - '0';
            } else if (ch >= 'A' && ch <= 'Z') {
                value = ch - 'A' + 10;
            } else {
                throw new IllegalArgumentException("organization code character not allowed: " + ch);
            }
            sum += value * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        if (c == 10) {
            return 'X';
        }
        return c == 11 ? '0' : (char) ('0' + c);
    }
}
