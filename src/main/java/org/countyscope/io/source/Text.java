package org.countyscope.io.source;

/** Trimming rules shared by all readers: clerks' files carry full-width and non-breaking spaces. */
final class Text {

    private Text() {
    }

    static boolean isSpace(char c) {
        if (c <= ' ') {
            return true;
        }
        // Fast path: every other ASCII character is visible text.
        return c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF');
    }

    static String trim(CharSequence s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == end ? "" : s.subSequence(start, end).toString();
    }

    static String trim(char[] buf, int start, int end) {
        while (start < end && isSpace(buf[start])) {
            start++;
        }
        while (end > start && isSpace(buf[end - 1])) {
            end--;
        }
        return start == end ? "" : new String(buf, start, end - start);
    }

    static boolean allEmpty(Iterable<String> cells) {
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
