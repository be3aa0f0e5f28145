package org.countyscope.pipeline;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.countyscope.SampleWarehouse;
import org.countyscope.TestSpark;
import org.countyscope.config.CompareConfig;
import org.countyscope.config.IngestConfig;
import org.countyscope.gold.Cadence;
import org.countyscope.gold.CountyComparison;
import org.countyscope.gold.Indicators;
import org.countyscope.io.Layer;
import org.countyscope.io.TableStore;
import org.countyscope.report.ReportInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A published month is rebuilt exactly after a revision arrived, and {@code revisions} lists exactly what the revision
 * changed: the sample run's report (release A), then a resubmitted 一套表 row with a higher 营业收入 (release B),
 * compare and report again, then {@code report --as-of A}.
 */
class ReleasesTest {
    private static final YearMonth PERIOD = YearMonth.of(2025, 12);
    private static final Pattern GENERATED_AT = Pattern.compile(
        "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}|\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
    private static final BigDecimal REVISION = new BigDecimal("1000.00");

    @TempDir
    Path tmp;

    @Test
    void anEarlierReleaseIsRebuiltExactlyAndTheRevisionListsExactlyTheChangedFigures() throws IOException {
        SampleWarehouse.result();
        Path wh = SampleWarehouse.copy(tmp.resolve("wh"));
        TableStore store = new TableStore(TestSpark.session(), wh.toString());
        List<Publications.Publication> month = Publications.of(store, PERIOD.toString(), Cadence.MONTH.code());
        assertEquals(1, month.size(), "the sample run published the month once");
        String a = month.get(0).release();
        Path publishedA = SampleWarehouse.out().resolve(PERIOD.toString());

        // the revision: the smallest enterprise (by 营业收入) of the county with the largest published 营业收入
        ReportInput before = new ReportJob(store).input(PERIOD, Cadence.MONTH);
        ReportInput.Figure county = before.figures().stream()
            .filter(f -> f.indicator().equals(Indicators.REVENUE.code()) && !f.withheld()
                && CountyComparison.LEVEL_COUNTY.equals(f.level()))
            .max(Comparator.comparing(ReportInput.Figure::value)).orElseThrow();
        ReportInput.Figure city = before.figures().stream().filter(f -> f.indicator().equals(Indicators.REVENUE.code())
            && CountyComparison.LEVEL_CITY.equals(f.level())).findFirst().orElseThrow();
        Path revised = revisedFile(county.region());
        IngestReport b = new IngestJob(TestSpark.session(), store).run(new IngestConfig(List.of(revised), store.root(),
            null, null, "B", SampleWarehouse.AS_OF));
        assertEquals(1, b.datasets().get(0).updated(), "one row revised: " + b.datasets());
        // every cadence, as run does: a figure ending in December is linked across the cadences ending there
        new CompareJob(store).run(new CompareConfig(store.root(), PERIOD, List.of(Cadence.values()),
            tmp.resolve("outB")));
        Path publishedB = new ReportJob(store).run(PERIOD, List.of(Cadence.MONTH), tmp.resolve("outB")).get(0).dir();
        assertEquals(List.of(a, "B"), Publications.releases(Publications.of(store, PERIOD.toString(),
            Cadence.MONTH.code())), "the second publication is from release B");

        Path asOfA = new ReportJob(store).runAsOf(PERIOD, List.of(Cadence.MONTH), tmp.resolve("asOfA"), a).get(0).dir();
        List<String> cellsA = cells(publishedA.resolve("tables.xlsx"));
        assertEquals(cellsA, cells(asOfA.resolve("tables.xlsx")), "tables.xlsx rebuilt from A holds A's figures");
        assertNotEquals(cellsA, cells(publishedB.resolve("tables.xlsx")), "B's report shows the revision");
        assertEquals(html(publishedA.resolve("index.html")), html(asOfA.resolve("index.html")),
            "index.html rebuilt from A is A's, apart from when it was generated");
        assertEquals(withheld(before), withheld(new ReportJob(store.pinnedTo(Publications.last(store,
            PERIOD.toString(), Cadence.MONTH.code(), a).versions())).input(PERIOD, Cadence.MONTH)), "same withheld cells");

        Revisions.Result r = Revisions.between(store, PERIOD, null, null);
        assertEquals(a, r.from());
        assertEquals("B", r.to());
        Map<String, Revisions.Change> changed = new TreeMap<>();
        r.changes().forEach(c -> changed.put(c.region() + "|" + c.indicator(), c));
        assertEquals(Set.of(county.region() + "|revenue", city.region() + "|revenue"), changed.keySet(),
            "exactly the county's and the city's 营业收入 changed");
        for (Revisions.Change c : changed.values()) {
            assertEquals(0, REVISION.compareTo(c.difference()), c + ": 1–12月 up by the revision");
            assertEquals(0, REVISION.compareTo(c.monthDifference()), c + ": December up by the revision");
        }
        assertEquals(0, changed.get(county.region() + "|revenue").oldValue()
            .compareTo(BigDecimal.valueOf(county.value()).setScale(changed.get(county.region() + "|revenue")
                .oldValue().scale(), java.math.RoundingMode.HALF_UP)), "old value is A's published figure");
        Path csv = Revisions.write(r, tmp.resolve("rev"));
        assertEquals(2 + 2, Files.readAllLines(csv, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).count(),
            "two heading rows and the two changes");

        assertThrows(IllegalArgumentException.class, () -> new ReportJob(store).runAsOf(PERIOD, List.of(Cadence.MONTH),
            tmp.resolve("none"), "never-published"));
        assertThrows(IllegalStateException.class, () -> store.pinnedTo(Map.of()).append(Layer.GOLD, "x",
            TestSpark.session().emptyDataFrame()), "a release's view is read-only");
    }

    @Test
    void everyTableKeepsItsHistoryForTheRevisionWindow() {
        TableStore store = SampleWarehouse.store();
        for (String t : List.of("silver/" + org.countyscope.dataset.Datasets.INDUSTRIAL_OUTPUT.name(),
            "gold/" + CompareJob.COMPARISON, "bronze/" + IngestJob.INGEST_LOG, "gold/" + Publications.TABLE)) {
            Map<String, String> props = new TreeMap<>();
            TestSpark.session().sql("SHOW TBLPROPERTIES delta.`" + store.root() + "/" + t + "`").collectAsList()
                .forEach(r -> props.put(r.getString(0), r.getString(1)));
            for (String p : TableStore.RETENTION_PROPERTIES) {
                assertEquals(TableStore.RETENTION, props.get(p), t + ": " + p);
            }
        }
    }

    /** The sample's 2025-12 row of the smallest enterprise of a county, with 营业收入 raised by {@link #REVISION}. */
    private Path revisedFile(String countyCode) throws IOException {
        List<String> lines = Files.readAllLines(TestSpark.sampleDir().resolve("industry/industrial_output_2025.csv"),
            StandardCharsets.UTF_8);
        String header = lines.get(0);
        List<String> heads = List.of(header.replace("\uFEFF", "").split(","));
        int region = heads.indexOf("区划代码");
        int revenue = heads.indexOf("营业收入（万元）");
        assertTrue(region >= 0 && revenue >= 0, header);
        String[] row = lines.stream().skip(1).map(l -> l.split(",", -1))
            .filter(c -> c[0].equals(PERIOD.toString()) && c[region].equals(countyCode))
            .min(Comparator.comparing(c -> new BigDecimal(c[revenue]))).orElseThrow();
        row[revenue] = new BigDecimal(row[revenue]).add(REVISION).toPlainString();
        Path f = tmp.resolve("resubmitted/industrial_output_2025-12_revised.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, header + "\n" + String.join(",", row) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    /** Every cell of every sheet as text ("sheet!A1=value"), the generation time masked. */
    private static List<String> cells(Path xlsx) throws IOException {
        List<String> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            for (Sheet s : wb) {
                for (Row row : s) {
                    for (Cell c : row) {
                        String v = c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? Double.toString(c.getNumericCellValue()) : fmt.formatCellValue(c);
                        out.add(s.getSheetName() + "!" + c.getAddress() + "=" + GENERATED_AT.matcher(v).replaceAll("<t>"));
                    }
                }
            }
        }
        assertFalse(out.isEmpty(), xlsx + " has cells");
        return out;
    }

    private static String html(Path f) throws IOException {
        return GENERATED_AT.matcher(Files.readString(f, StandardCharsets.UTF_8)).replaceAll("<t>");
    }

    private static Set<String> withheld(ReportInput in) {
        return in.figures().stream().filter(ReportInput.Figure::withheld).map(f -> f.region() + "|" + f.indicator())
            .collect(Collectors.toCollection(TreeSet::new));
    }
}
