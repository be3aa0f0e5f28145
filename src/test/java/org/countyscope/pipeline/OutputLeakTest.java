package org.countyscope.pipeline;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.countyscope.Fixtures;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.config.IngestConfig;
import org.countyscope.dataset.ColumnSpec;
import org.countyscope.dataset.Datasets;
import org.countyscope.dataset.HeaderMapping;
import org.countyscope.io.TableStore;
import org.countyscope.io.source.RawRecord;
import org.countyscope.io.source.SourceFiles;
import org.countyscope.io.source.SourceTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;

import static org.countyscope.dataset.Columns.CREDIT_CODE;
import static org.countyscope.dataset.Columns.ENTERPRISE_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing identifying leaves (统计法): every file the whole pipeline leaves in the output folder — CSV, the XML inside
 * each XLSX, HTML, the text of each PDF, SVG, the text chunks of each PNG, and the raw bytes of all of them — is
 * scanned for every enterprise name and 统一社会信用代码 of the input; and a run on the sample warehouse with hostile
 * names (HTML, spreadsheet formulas, a hostile file name) leaves no live HTML and no formula anywhere.
 */
class OutputLeakTest {
    /** Markup no report writes itself: a script, an event handler, a javascript: link. */
    static final Pattern LIVE_HTML = Pattern.compile("<script|\\son[a-z]+\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
    /** The hostile names' own tags, which must only ever appear escaped. */
    static final List<String> HOSTILE_TAGS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
        "<b>恶意产业链</b>", "<b>粗体</b>", "<svg onload=alert(4)>", "<b onmouseover=alert(3)>");
    /** A CSV cell Excel would run: =, +, @ first, or - not followed by a plain number (-2.5E-5 is one). */
    static final Pattern CSV_FORMULA = Pattern.compile("^\"?([=+@]|-(?![\\d.]+([eE][+-]?\\d+)?\"?$))");

    /** Folders under {@code <out>/<period>/} that hold the bureau's internal working files, not publications. */
    static final Set<String> CLERK_ONLY = Set.of("quality", "review");

    @TempDir
    static Path tmp;

    @BeforeAll
    static void sample() {
        SampleWarehouse.result();
    }

    @Test
    void noEnterpriseNameOrCreditCodeInAnyOutputFile() throws IOException {
        Set<String> names = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        for (Path f : files(TestSpark.sampleDir())) {
            identifiers(f, names, codes);
        }
        assertTrue(names.size() > 100 && codes.size() > 100, "the sample names its enterprises: " + names.size()
            + " names, " + codes.size() + " codes");
        Map<Path, String> texts = texts(SampleWarehouse.out());
        assertTrue(texts.keySet().stream().anyMatch(p -> p.toString().endsWith(".pdf"))
            && texts.keySet().stream().anyMatch(p -> p.toString().endsWith(".xlsx"))
            && texts.keySet().stream().anyMatch(p -> p.toString().endsWith(".png")), "every kind of output scanned");
        List<String> found = new ArrayList<>();
        texts.forEach((file, text) -> {
            // the clerk's working files (数据审核 flags, rejected rows, the quality page) must name the enterprise to
            // be asked; they stay inside the bureau and are not published
            Path rel = SampleWarehouse.out().relativize(file);
            if (rel.getNameCount() > 1 && CLERK_ONLY.contains(rel.getName(1).toString())) {
                return;
            }
            String flat = text.replaceAll("\\s+", "");
            for (String s : names) {
                if (flat.contains(s)) {
                    found.add(file + ": name " + s);
                }
            }
            for (String s : codes) {
                if (text.contains(s)) {
                    found.add(file + ": code " + s);
                }
            }
        });
        assertEquals(List.of(), found, "no enterprise identified in " + texts.size() + " files");
    }

    @Test
    void hostileNamesLeaveNoLiveHtmlAndNoFormula() throws IOException {
        Path inbox = Files.createDirectories(tmp.resolve("inbox"));
        String contracts = "项目编号,项目名称,区划代码,行业代码,产业链,签约日期,签约金额（万元）,资金来源,是否500强,是否上市公司,责任单位\n"
            + "ZS2025-620881-H01,<script>alert(1)</script>项目,620881,38,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"链\"\")\","
            + "2025-06-01,5000,省外,否,否,<img src=x onerror=alert(1)>招商局\n"
            + "ZS2025-620802-H02,恶意项目二,620802,38,<b>恶意产业链</b>,2025-06-02,3000,省内,否,否,@SUM(1+1)\n"
            + "ZS2025-620821-H03,恶意项目三,620821,38,-2+3 cmd,2025-06-03,2000,境外,否,否,+cmd|' /C calc'!A0\n";
        Fixtures.csv(inbox, "=HYPERLINK(1) <b onmouseover=alert(3)>contracts.csv", contracts);
        Fixtures.csv(inbox, "funds <i>.csv", "时期,项目编号,当月到位资金（万元）\n2025-06,ZS2025-620881-H01,100\n"
            + "2025-07,ZS2025-620802-H02,80\n2025-08,ZS2025-620821-H03,60\n");
        StringBuilder yearbook = new StringBuilder("region_code,region_name,parent_code,period,indicator,unit,value\n");
        // the period's year: indicator_comparison.csv carries the latest yearbook year up to the period only
        yearbook.append("620800,平凉市,620000,2025,=1+1<b>粗体</b>,个,10\n");
        for (String county : List.of("620802", "620821", "620822", "620823", "620825", "620826", "620881")) {
            yearbook.append(county).append(",<svg onload=alert(4)>").append(county).append(",620800,2025,=1+1<b>粗体</b>,个,")
                .append(county.charAt(5)).append('\n');
        }
        Fixtures.csv(inbox, "yearbook;rm -rf ~.csv", yearbook.toString());

        Path warehouse = SampleWarehouse.copy(tmp.resolve("warehouse"));
        Path out = tmp.resolve("out");
        TableStore store = new TableStore(TestSpark.session(), warehouse.toString());
        RunJob.Result r = new RunJob(store).run(new IngestConfig(List.of(inbox), store.root(), null, null, "hostile",
            SampleWarehouse.AS_OF), "2025-12", out);
        assertTrue(r.ingest().rejected().isEmpty(), "the hostile texts are valid input: " + r.ingest().rejected());

        Map<Path, String> texts = texts(out);
        String all = String.join("\n", texts.values());
        assertTrue(all.contains("恶意产业链") && all.contains("粗体"), "the hostile names are published (as text)");
        List<String> live = new ArrayList<>();
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            String name = e.getKey().getFileName().toString().toLowerCase(Locale.ROOT);
            String text = e.getValue();
            if (name.endsWith(".html") || name.endsWith(".svg") || name.endsWith(".htm")) {
                LIVE_HTML.matcher(text).results().forEach(m -> live.add(e.getKey() + ": live markup " + m.group()));
                HOSTILE_TAGS.stream().filter(text::contains).forEach(t -> live.add(e.getKey() + ": unescaped " + t));
            }
            if (name.endsWith(".csv")) {
                for (String line : text.lines().toList()) {
                    for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
                        if (CSV_FORMULA.matcher(cell.strip()).find()) {
                            live.add(e.getKey() + ": formula " + cell);
                        }
                    }
                }
            }
            if (name.endsWith(".xlsx") && (text.contains("<f>") || text.contains("<f "))) {
                live.add(e.getKey() + ": formula cell in a workbook");
            }
            if (name.endsWith(".pdf") && (text.contains("/JavaScript") || text.contains("/Launch"))) {
                live.add(e.getKey() + ": PDF action");
            }
        }
        assertEquals(List.of(), live, "hostile names published as inert text only");
    }

    /** The enterprise names and codes of every input file that has them (一套表, the register). */
    static void identifiers(Path file, Set<String> names, Set<String> codes) {
        try (SourceTable t = SourceFiles.open(file, null)) {
            HeaderMapping m = HeaderMapping.detect(t.header(), Datasets.ALL).orElse(null);
            if (m == null) {
                return;
            }
            int name = -1;
            int code = -1;
            List<ColumnSpec> cols = m.spec().columns();
            for (int c = 0; c < cols.size(); c++) {
                name = cols.get(c).name().equals(ENTERPRISE_NAME) ? m.positions()[c] : name;
                code = cols.get(c).name().equals(CREDIT_CODE) ? m.positions()[c] : code;
            }
            if (name < 0 && code < 0) {
                return;
            }
            for (Iterator<RawRecord> it = t.records(); it.hasNext(); ) {
                List<String> cells = it.next().cells();
                if (name >= 0 && name < cells.size() && cells.get(name).length() >= 4) {
                    names.add(cells.get(name).replaceAll("\\s+", ""));
                }
                if (code >= 0 && code < cells.size() && cells.get(code).length() == 18) {
                    codes.add(cells.get(code));
                }
            }
        } catch (RuntimeException e) {
            // files of other layouts (the NBS export) name no enterprise
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Every output file as the text a reader of it could see, plus its raw bytes as UTF-8. */
    static Map<Path, String> texts(Path out) throws IOException {
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path f : files(out)) {
            byte[] bytes = Files.readAllBytes(f);
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            StringBuilder text = new StringBuilder(new String(bytes, StandardCharsets.UTF_8));
            if (name.endsWith(".xlsx")) {
                // the central directory, as Excel reads it: a streamed entry's local header may declare size 0
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(f.toFile())) {
                    for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                        try (java.io.InputStream in = zip.getInputStream(e)) {
                            text.append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                }
            } else if (name.endsWith(".pdf")) {
                PdfReader reader = new PdfReader(bytes);
                PdfTextExtractor ex = new PdfTextExtractor(reader);
                for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                    text.append('\n').append(ex.getTextFromPage(p));
                }
                text.append('\n').append(reader.getInfo());
                reader.close();
            } else if (name.endsWith(".png")) {
                text.append('\n').append(pngText(bytes));
            }
            texts.put(f, text.toString());
        }
        return texts;
    }

    /** The tEXt, zTXt and iTXt chunks of a PNG: its metadata. */
    static String pngText(byte[] png) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(png))) {
            in.skipNBytes(8);
            while (in.available() > 0) {
                int length = in.readInt();
                String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
                byte[] data = in.readNBytes(length);
                in.skipNBytes(4);
                if (type.equals("tEXt") || type.equals("iTXt")) {
                    sb.append(new String(data, StandardCharsets.UTF_8)).append('\n');
                } else if (type.equals("zTXt")) {
                    int nul = 0;
                    while (data[nul] != 0) {
                        nul++;
                    }
                    try (InputStream z = new InflaterInputStream(new ByteArrayInputStream(data, nul + 2,
                        data.length - nul - 2))) {
                        sb.append(new String(z.readAllBytes(), StandardCharsets.ISO_8859_1)).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }
}
