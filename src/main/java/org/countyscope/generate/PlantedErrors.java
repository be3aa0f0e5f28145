package org.countyscope.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plants a handful of the errors clerks meet into a generated city's files (last month of the run), so a first run
 * shows the review at work: a tenfold enterprise month, a missing enterprise report, a 95% 工业增加值率, a county tax
 * cell twenty times its usual, 招商 funds three times the signed amount, and a yearbook figure typed with its unit
 * (quarantined by the hard checks). Deterministic for a seed; applied after the generator, on its files.
 */
public final class PlantedErrors {
    static final Charset GBK = Charset.forName("GBK");

    /** What was planted: the kind, the file, the entity (credit code, contract, county|大类|税种, region|indicator). */
    public record Planted(String kind, String file, String regionCode, String entity, String period, String detail) {
    }

    public static final String TENFOLD = "tenfold_month";
    public static final String MISSING = "missing_report";
    public static final String VA_RATE = "va_rate_95";
    public static final String TAX_CELL = "tax_cell_20x";
    public static final String FUNDS = "funds_3x_signed";
    public static final String YEARBOOK_UNIT = "yearbook_unit_typed";

    private PlantedErrors() {
    }

    /** Plants the errors into the city generated in {@code dir} and says what it changed. */
    public static List<Planted> plant(Path dir, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED_E440L);
        List<Planted> out = new ArrayList<>();
        plantEnterprises(dir, random, out);
        plantTax(dir, random, out);
        plantFunds(dir, random, out);
        plantYearbook(dir, out);
        return out;
    }

    private static int lastYear(Path dir, String folder, String prefix) {
        try (var s = Files.list(dir.resolve(folder))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches(prefix + "\\d{4}\\.csv"))
                .mapToInt(n -> Integer.parseInt(n.substring(prefix.length(), prefix.length() + 4))).max()
                .orElseThrow(() -> new IllegalStateException("no " + prefix + "YYYY.csv in " + dir.resolve(folder)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three distinct 年初在库 enterprises reporting the last two periods: tenfold month, missing report, 95% rate. */
    private static void plantEnterprises(Path dir, SplittableRandom random, List<Planted> out) {
        int year = lastYear(dir, "industry", "industrial_output_");
        String file = "industry/industrial_output_" + year + ".csv";
        List<String> lines = read(dir.resolve(file), StandardCharsets.UTF_8, "\n");
        String last = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, 7)).max(String::compareTo)
            .orElseThrow();
        String previous = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, 7))
            .filter(p -> p.compareTo(last) < 0).max(String::compareTo).orElseThrow();
        Set<String> stayers = new HashSet<>();
        for (String l : read(dir.resolve("industry/enterprise_register.csv"), StandardCharsets.UTF_8, "\n")) {
            String[] c = l.split(",", -1);
            if (c[0].equals(String.valueOf(year)) && c[5].equals("年初在库")) {
                stayers.add(c[1]);
            }
        }
        Map<String, Integer> lastRow = new HashMap<>();
        Map<String, Integer> prevRow = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (c[0].equals(last)) {
                lastRow.put(c[1], i);
            } else if (c[0].equals(previous)) {
                prevRow.put(c[1], i);
            }
        }
        List<String> candidates = lastRow.keySet().stream().filter(prevRow::containsKey).filter(stayers::contains)
            .sorted().toList();
        if (candidates.size() < 3) {
            throw new IllegalStateException("too few enterprises to plant errors in " + file);
        }
        List<String> picked = new ArrayList<>();
        while (picked.size() < 3) {
            String c = candidates.get(random.nextInt(candidates.size()));
            if (!picked.contains(c)) {
                picked.add(c);
            }
        }
        // tenfold: the month's output, value added, revenue and profit typed with one digit too many
        String[] now = lines.get(lastRow.get(picked.get(0))).split(",", -1);
        String[] before = lines.get(prevRow.get(picked.get(0))).split(",", -1);
        for (int col = 5; col <= 8; col++) {
            BigDecimal month = new BigDecimal(now[col]).subtract(new BigDecimal(before[col]));
            now[col] = new BigDecimal(before[col]).add(month.multiply(BigDecimal.TEN)).setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
        }
        lines.set(lastRow.get(picked.get(0)), String.join(",", now));
        out.add(new Planted(TENFOLD, file, now[3], now[1], last, now[2] + "：当月工业总产值、增加值、营业收入、利润总额各乘以10"));
        // 95%: the month's value added typed as (almost) the month's gross output
        now = lines.get(lastRow.get(picked.get(2))).split(",", -1);
        before = lines.get(prevRow.get(picked.get(2))).split(",", -1);
        BigDecimal gross = new BigDecimal(now[5]).subtract(new BigDecimal(before[5]));
        now[6] = new BigDecimal(before[6]).add(gross.multiply(new BigDecimal("0.95"))).setScale(2, RoundingMode.HALF_UP)
            .toPlainString();
        lines.set(lastRow.get(picked.get(2)), String.join(",", now));
        out.add(new Planted(VA_RATE, file, now[3], now[1], last, now[2] + "：当月工业增加值率95%"));
        // missing: the report is not there
        String[] gone = lines.get(lastRow.get(picked.get(1))).split(",", -1);
        lines.remove((int) lastRow.get(picked.get(1)));
        out.add(new Planted(MISSING, file, gone[3], gone[1], last, gone[2] + "：本月一套表未报"));
        write(dir.resolve(file), lines, StandardCharsets.UTF_8, "\n");
    }

    /** A county's third-largest 增值税 cell of the last month, twenty times over. */
    private static void plantTax(Path dir, SplittableRandom random, List<Planted> out) {
        int year = lastYear(dir, "tax", "tax_");
        String file = "tax/tax_" + year + ".csv";
        List<String> lines = read(dir.resolve(file), GBK, "\r\n");
        String last = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, 7)).max(String::compareTo)
            .orElseThrow();
        List<String> counties = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[1]).distinct()
            .sorted().toList();
        String county = counties.get(random.nextInt(counties.size()));
        List<Integer> cells = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (c[0].equals(last) && c[1].equals(county) && c[5].equals("增值税")) {
                cells.add(i);
            }
        }
        cells.sort((a, b) -> new BigDecimal(lines.get(b).split(",", -1)[6])
            .compareTo(new BigDecimal(lines.get(a).split(",", -1)[6])));
        int row = cells.get(Math.min(2, cells.size() - 1));
        String[] c = lines.get(row).split(",", -1);
        String was = c[6];
        c[6] = new BigDecimal(c[6]).multiply(BigDecimal.valueOf(20)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        lines.set(row, String.join(",", c));
        write(dir.resolve(file), lines, GBK, "\r\n");
        out.add(new Planted(TAX_CELL, file, county, c[3] + "|" + c[5], last,
            c[2] + " " + c[4] + " " + c[5] + "：" + was + " → " + c[6] + "万元"));
    }

    /** A contract with money in the last month gets, that month, what takes its total to three times its signed amount. */
    private static void plantFunds(Path dir, SplittableRandom random, List<Planted> out) {
        String file = "investment/attraction_funds.csv";
        List<String> lines = read(dir.resolve(file), StandardCharsets.UTF_8, "\n");
        Map<String, String[]> contracts = new HashMap<>();
        for (String l : read(dir.resolve("investment/attraction_contracts.csv"), StandardCharsets.UTF_8, "\n")) {
            String[] c = l.split(",", -1);
            contracts.put(c[0], c);
        }
        String last = lines.subList(1, lines.size()).stream().map(l -> l.substring(0, 7)).max(String::compareTo)
            .orElseThrow();
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(last + ",")) {
                rows.add(i);
            }
        }
        int row = rows.get(random.nextInt(rows.size()));
        String[] c = lines.get(row).split(",", -1);
        BigDecimal before = BigDecimal.ZERO;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f[1].equals(c[1]) && f[0].compareTo(last) < 0) {
                before = before.add(new BigDecimal(f[2]));
            }
        }
        String[] contract = contracts.get(c[1]);
        BigDecimal signed = new BigDecimal(contract[6]);
        c[2] = signed.multiply(BigDecimal.valueOf(3)).subtract(before).setScale(2, RoundingMode.HALF_UP).toPlainString();
        lines.set(row, String.join(",", c));
        write(dir.resolve(file), lines, StandardCharsets.UTF_8, "\n");
        out.add(new Planted(FUNDS, file, contract[2], c[1], last, contract[1] + "：累计到位资金为签约额" + signed
            .toPlainString() + "万元的3倍"));
    }

    /** The first county's 地区生产总值 of the last yearbook year typed with its unit, as in "95.3亿". */
    private static void plantYearbook(Path dir, List<Planted> out) {
        String file = "indicators/yearbook.csv";
        List<String> lines = read(dir.resolve(file), StandardCharsets.UTF_8, "\n");
        String lastYear = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[3]).max(String::compareTo)
            .orElseThrow();
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (!c[2].isEmpty() && c[2].endsWith("00") && !c[0].endsWith("00") && c[3].equals(lastYear)
                && c[4].equals("地区生产总值")) {
                c[6] = c[6] + "亿";
                lines.set(i, String.join(",", c));
                write(dir.resolve(file), lines, StandardCharsets.UTF_8, "\n");
                out.add(new Planted(YEARBOOK_UNIT, file, c[0], c[0] + "|" + c[4], lastYear,
                    c[1] + " " + c[4] + "填为“" + c[6] + "”（数值中带单位，强制性审核拦截）"));
                return;
            }
        }
        throw new IllegalStateException("no county GDP row in " + file);
    }

    private static List<String> read(Path file, Charset cs, String lineEnd) {
        try {
            String text = Files.readString(file, cs);
            boolean bom = text.startsWith("\uFEFF");
            List<String> lines = new ArrayList<>(List.of((bom ? text.substring(1) : text).split(lineEnd, -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            if (bom) {
                throw new IllegalStateException(file + ": a BOM was not expected here");
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines, Charset cs, String lineEnd) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, String.join(lineEnd, lines) + lineEnd, cs);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
