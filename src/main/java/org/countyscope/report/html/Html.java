package org.countyscope.report.html;

/** Text from data made fit for HTML: control characters out, and escaping where Java itself writes markup. */
public final class Html {
    private Html() {
    }

    /**
     * The text with {@code & < > " '} escaped and control characters (other than tab and line breaks), which HTML
     * does not allow, replaced by U+FFFD; null becomes "". The pages escape in their templates; this is for HTML
     * built in Java (the notebook's tables).
     */
    public static String escape(String s) {
        String c = clean(s);
        StringBuilder b = new StringBuilder(c.length() + 16);
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            switch (ch) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * The text with control characters (other than tab and line breaks), which HTML does not allow, replaced by
     * U+FFFD; null becomes "". Not escaped: what the templates print, they escape.
     */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            if (control && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(control ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** One path segment percent-encoded (UTF-8), so a name can neither leave its folder nor start a scheme. */
    public static String pathSegment(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || (c == '.' && b.length() > 0)) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }
}
