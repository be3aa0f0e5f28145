package org.countyscope;

import org.countyscope.reference.CreditCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small named inputs for tests: valid credit codes and CSV files written in a chosen encoding. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A valid 统一社会信用代码 for an enterprise of a county, numbered n. */
    public static String creditCode(String region, int n) {
        return CreditCode.make('9', '1', region, String.format("MA%06d", n));
    }

    /** The same code with a wrong check character. */
    public static String badCheckDigit(String code) {
        char last = code.charAt(17);
        char wrong = last == '0' ? '1' : '0';
        return code.substring(0, 17) + wrong;
    }

    public static Path csv(Path dir, String name, String text) {
        return write(dir, name, text, StandardCharsets.UTF_8);
    }

    public static Path write(Path dir, String name, String text, Charset cs) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, cs);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final String OUTPUT_HEADER =
        "报告期,统一社会信用代码,单位详细名称,区划代码,行业代码,工业总产值（万元）,工业增加值（万元）,营业收入（万元）,利润总额（万元）,从业人员平均人数（人）\n";

    /** One 一套表 line. */
    public static String outputLine(String period, String code, String region, String industry, double go, double va,
                                    double rev, double profit, int emp) {
        return String.join(",", period, code, "测试企业" + code.substring(10, 16), region, industry, num(go), num(va),
            num(rev), num(profit), Integer.toString(emp)) + "\n";
    }

    private static String num(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
