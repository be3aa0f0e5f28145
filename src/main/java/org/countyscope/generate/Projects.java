package org.countyscope.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 固定资产投资项目 monthly reports (项目月报) as the bureau gets them in Excel: one row per project per month from
 * signing until a few months after it starts producing, with a merged title row and a handful of numbers typed as text.
 */
final class Projects {

    static final String FILE = "investment/projects.xlsx";
    static final String SHEET = "项目月报";
    static final List<String> HEADER = List.of("报告期", "项目代码", "项目名称", "区划代码", "行业代码", "项目类型", "计划总投资（万元）",
            "本年完成投资（万元）", "自开工累计完成投资（万元）", "用地面积（亩）", "签约日期", "计划开工日期", "实际开工日期", "计划竣工日期",
            "实际竣工日期", "项目状态", "是否达产达效", "本年产值（万元）", "本年税收（万元）", "计划达产日期", "实际达产日期");
    /** Months an industrial project stays on the report after 投产, for the follow-up of 达产达效 and 亩均效益. */
    static final int TRACKING_MONTHS = 24;
    private static final int TEXT_NUMBER_ROWS = 5;

    private static final String[] TYPES = {"工业", "基础设施", "房地产开发", "社会民生", "其他"};
    private static final double[] TYPE_WEIGHTS = {0.25, 0.33, 0.15, 0.17, 0.10};
    /** Before the run the generic projects also stand in for the industrial 招商 projects of those years. */
    private static final double[] EARLIER_TYPE_WEIGHTS = {0.45, 0.25, 0.12, 0.11, 0.07};
    private static final String[] INFRA = {"48", "78", "76", "77", "4420", "4610", "4620", "54"};
    private static final double[] INFRA_WEIGHTS = {0.33, 0.25, 0.14, 0.08, 0.08, 0.05, 0.04, 0.03};
    private static final String[] SOCIAL = {"83", "84", "85", "89"};
    private static final double[] SOCIAL_WEIGHTS = {0.45, 0.3, 0.15, 0.1};
    private static final String[] OTHER = {"59", "72", "61", "52"};
    private static final double[] OTHER_WEIGHTS = {0.35, 0.3, 0.15, 0.2};

    /** One project; month fields are indices into the run (negative before it), NONE when the event has not come. */
    record Project(String code, String name, Region region, String dl, String type, double planned, Double land,
                   LocalDate signDate, LocalDate plannedStart, LocalDate plannedCompletion, int sign, int start, int completion,
                   int production, int capacity, double finalTotal, double outputRatio, double taxRatio,
                   LocalDate startDate, LocalDate completionDate, int firstReport, int lastReport,
                   LocalDate plannedCapacityDate, LocalDate capacityDate, double shortfall) {

        boolean industrial() {
            return type.equals("工业");
        }

        /** 自开工累计完成投资 at the end of month t: an S-curve from the start month to completion. */
        double completedTotal(int t) {
            if (start == NONE || t < start) {
                return 0;
            }
            if (completion != NONE && t >= completion) {
                return finalTotal;
            }
            int end = completion != NONE ? completion : start + 36;
            double x = Math.min(1.0, (t - start + 1.0) / (end - start + 1.0));
            return Fmt.round2(finalTotal * x * x * (3 - 2 * x));
        }

        /**
         * Monthly output once producing: rising to the design output in the month it reaches capacity (达产), or, for
         * a plant that never does, levelling off at a fraction of it after six months.
         */
        double output(int t) {
            if (!industrial() || production == NONE || t < production) {
                return 0;
            }
            double design = planned * outputRatio / 12;
            if (capacity != NONE) {
                return design * Math.min(1.0, (t - production + 1.0) / (capacity - production + 1.0));
            }
            return design * shortfall * Math.min(1.0, (t - production + 1) / 6.0);
        }
    }

    static final int NONE = Integer.MIN_VALUE;

    private Projects() {
    }

    static List<Project> plan(List<Region> regions, List<Attraction.Contract> contracts, Timeline timeline, Names names, long seed) {
        List<Project> projects = new ArrayList<>();
        Set<String> serials = new HashSet<>();
        for (Attraction.Contract c : contracts) {
            SplittableRandom random = Seeds.random(seed, "project-from-contract", Long.parseLong(c.region().code()), c.code().hashCode());
            if (random.nextDouble() >= 0.5) {
                continue;
            }
            String section = c.code4().substring(0, 2);
            int dl = Integer.parseInt(section);
            String type = TaxFile.isIndustrial(dl) ? "工业" : dl == 85 ? "社会民生" : "其他";
            double planned = roundPlanned(c.amountCents() / 100.0 * Seeds.uniform(random, 0.8, 1.1));
            Project p = build(random, c.region(), c.name(), section, type, planned, c.signDate(), timeline, serials, seed);
            if (p != null) {
                projects.add(p);
            }
        }
        for (Region r : regions) {
            List<Project> own = new ArrayList<>();
            for (Project p : projects) {
                if (p.region() == r) {
                    own.add(p);
                }
            }
            int fromContracts = own.size();
            // Two years before the run too, and more of them (standing in for earlier 招商 projects), so the first year
            // already has as much under way as later ones.
            for (int year = timeline.startYear() - 2; year <= timeline.lastYear(); year++) {
                SplittableRandom random = Seeds.random(seed, "projects", Long.parseLong(r.code()), year);
                boolean before = year < timeline.startYear();
                int months = before ? 12 : timeline.monthsIn(year);
                double expected = r.theme().activity() * (before ? 7.5 : 1.2) * months / 12.0;
                int count = (int) Math.floor(expected) + (random.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
                for (int k = 0; k < count; k++) {
                    String type = TYPES[Seeds.pick(random, before ? EARLIER_TYPE_WEIGHTS : TYPE_WEIGHTS)];
                    addGeneric(random, r, type, year, 1, months, 0, timeline, names, serials, own, seed);
                }
                if (!before && year > timeline.startYear() && timeline.fullYear(year)) {
                    // Counties keep a pipeline: when this year's spending falls short of a modest rise on last year's,
                    // more mid-sized projects were signed late the year before (first industrial ones, then any kind),
                    // so they spend mostly in this year and do not inflate the next.
                    fill(random, r, true, year, own, timeline, names, serials, seed);
                    fill(random, r, false, year, own, timeline, names, serials, seed);
                }
            }
            projects.addAll(own.subList(fromContracts, own.size()));
        }
        projects.sort(Comparator.comparing(Project::code));
        return projects;
    }

    private static void fill(SplittableRandom random, Region r, boolean industrialOnly, int year, List<Project> own, Timeline timeline,
                             Names names, Set<String> serials, long seed) {
        double last = invested(own, year - 1, timeline, industrialOnly);
        double now = invested(own, year, timeline, industrialOnly);
        double wanted = last * (1 + Seeds.uniform(random, 0.04, 0.14));
        for (int added = 0; now < wanted && added < 15; added++) {
            String type = industrialOnly ? "工业" : TYPES[Seeds.pick(random, TYPE_WEIGHTS)];
            double size = Math.min(30_000, (wanted - now) * Seeds.uniform(random, 1.0, 1.6));
            Project p = addGeneric(random, r, type, year - 1, 10, 12, size, timeline, names, serials, own, seed);
            if (p != null) {
                now += investedIn(p, year, timeline);
            }
        }
    }

    private static Project addGeneric(SplittableRandom random, Region r, String type, int year, int firstMonth, int lastMonth,
                                      double minPlanned, Timeline timeline, Names names, Set<String> serials, List<Project> own,
                                      long seed) {
        List<Theme.Line> lines = r.theme().lines();
        double[] lineWeights = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            lineWeights[i] = lines.get(i).valueAddedYi();
        }
        String code;
        switch (type) {
            case "工业" -> {
                Theme.Line line = lines.get(Seeds.pick(random, lineWeights));
                code = line.codes().get(random.nextInt(line.codes().size()));
            }
            case "基础设施" -> code = INFRA[Seeds.pick(random, INFRA_WEIGHTS)];
            case "房地产开发" -> code = "70";
            case "社会民生" -> code = SOCIAL[Seeds.pick(random, SOCIAL_WEIGHTS)];
            default -> code = OTHER[Seeds.pick(random, OTHER_WEIGHTS)];
        }
        double planned = Math.max(plannedTotal(random, type, code), roundPlanned(Math.min(600_000, minPlanned)));
        LocalDate sign = LocalDate.of(year, Seeds.between(random, firstMonth, lastMonth), Seeds.between(random, 1, 28));
        String name = names.unique(ProjectNames.industrial(random, r, code, names));
        Project p = build(random, r, name, code.substring(0, 2), type, planned, sign, timeline, serials, seed);
        if (p != null) {
            own.add(p);
        }
        return p;
    }

    /** 本年完成投资 of one project in a year: the rise of its cumulative total over the months it reports that year. */
    static double investedIn(Project p, int year, Timeline timeline) {
        int firstT = timeline.index(year, 1);
        int lastT = Math.min(p.lastReport(), timeline.index(year, timeline.monthsIn(year)));
        if (lastT < firstT || lastT < p.firstReport()) {
            return 0;
        }
        return p.completedTotal(lastT) - p.completedTotal(firstT - 1);
    }

    private static double invested(List<Project> projects, int year, Timeline timeline, boolean industrialOnly) {
        double sum = 0;
        for (Project p : projects) {
            if (!industrialOnly || p.industrial()) {
                sum += investedIn(p, year, timeline);
            }
        }
        return sum;
    }

    private static double plannedTotal(SplittableRandom random, String type, String code) {
        double median;
        double sigma;
        switch (type) {
            case "工业" -> {
                boolean heavy = code.startsWith("06") || code.startsWith("44") || code.startsWith("25") || code.startsWith("26");
                if (heavy && random.nextDouble() < 0.12) {
                    // The few 亿元-scale plants: mines, power units, coal chemicals.
                    return roundPlanned(Seeds.uniform(random, 100_000, 600_000));
                }
                median = 12_000;
                sigma = 0.7;
            }
            case "基础设施" -> {
                median = 18_000;
                sigma = 0.6;
            }
            case "房地产开发" -> {
                median = 30_000;
                sigma = 0.6;
            }
            case "社会民生" -> {
                median = 8_000;
                sigma = 0.7;
            }
            default -> {
                median = 6_000;
                sigma = 0.6;
            }
        }
        return roundPlanned(Math.max(500, Math.min(800_000, median * StrictMath.exp(sigma * Seeds.gauss(random)))));
    }

    private static double roundPlanned(double value) {
        double v = Math.max(500, value);
        return v >= 5000 ? Math.round(v / 10) * 10.0 : Math.round(v);
    }

    private static Project build(SplittableRandom random, Region r, String name, String dl, String type, double planned,
                                 LocalDate signDate, Timeline timeline, Set<String> serials, long seed) {
        int n = timeline.months();
        int sign = timeline.index(signDate.getYear(), signDate.getMonthValue());
        int plannedStart = sign + Seeds.between(random, 1, 4);
        int duration = (int) Math.round(Math.max(4, Math.min(36, 4 + 3 * StrictMath.log(planned / 1000.0))) * Seeds.uniform(random, 0.8, 1.2));
        double d = random.nextDouble();
        int start = d < 0.72 ? plannedStart : d < 0.94 ? plannedStart + Seeds.between(random, 1, 3) : NONE;
        int completion = start == NONE ? NONE : start + (int) Math.round(duration * Seeds.uniform(random, 0.95, 1.35));
        boolean industrial = type.equals("工业");
        int production = industrial && completion != NONE ? completion + Seeds.between(random, 1, 2) : NONE;
        int capacity = production != NONE && random.nextDouble() < 0.7 ? production + Seeds.between(random, 4, 12) : NONE;
        int last;
        if (production != NONE) {
            last = production + Seeds.between(random, 2, 4);
        } else if (completion != NONE) {
            last = completion + Seeds.between(random, 1, 3);
        } else {
            last = n - 1;
        }
        int first = Math.max(0, sign);
        last = Math.min(n - 1, last);
        if (first > last) {
            return null;
        }
        if (production != NONE) {
            // an industrial plant stays on the report while 达产达效 and 亩均 are followed up; decided after the check
            // above so the projects and their random draws stay what they were
            last = Math.min(n - 1, Math.max(last, production + TRACKING_MONTHS));
        }
        Double land = land(random, type, dl, planned);
        double finalTotal = Fmt.round2(planned * Seeds.uniform(random, 0.85, 1.05));
        String approval = industrial || type.equals("房地产开发") ? (random.nextDouble() < 0.7 ? "03" : "02") : "01";
        String serial;
        do {
            serial = String.format("%06d", random.nextInt(1_000_000));
        } while (!serials.add(serial));
        String code = signDate.getYear() + "-" + r.code() + "-" + dl + "-" + approval + "-" + serial;
        LocalDate plannedStartDate = date(timeline, plannedStart, random);
        LocalDate plannedCompletionDate = date(timeline, plannedStart + duration, random);
        LocalDate startDate = start == NONE ? null : date(timeline, start, random);
        LocalDate completionDate = completion == NONE ? null : date(timeline, completion, random);
        double outputRatio = Seeds.uniform(random, 0.5, 1.4);
        double taxRatio = Seeds.uniform(random, 0.03, 0.06);
        // design capacity (设计产能) dates from a stream of their own, so the draws above keep their values
        SplittableRandom capacityRandom = Seeds.random(seed, "project-capacity", Long.parseLong(serial));
        LocalDate plannedCapacityDate = industrial
                ? date(timeline, plannedStart + duration + Seeds.between(capacityRandom, 6, 12), capacityRandom) : null;
        LocalDate capacityDate = capacity == NONE ? null : date(timeline, capacity, capacityRandom);
        double shortfall = Seeds.uniform(capacityRandom, 0.5, 0.8);
        return new Project(code, name, r, dl, type, planned, land, signDate, plannedStartDate, plannedCompletionDate, sign, start,
                completion, production, capacity, finalTotal, outputRatio, taxRatio, startDate, completionDate, first, last,
                plannedCapacityDate, capacityDate, shortfall);
    }

    private static Double land(SplittableRandom random, String type, String dl, double planned) {
        double mu;
        switch (type) {
            case "工业" -> mu = planned / Seeds.uniform(random, 100, 400);
            case "房地产开发" -> mu = planned / Seeds.uniform(random, 300, 600);
            case "社会民生" -> mu = Seeds.uniform(random, 10, 120);
            case "基础设施" -> {
                // Roads, rivers and slopes are linear works: no land area is filled in.
                if (dl.equals("48") || dl.equals("76") || dl.equals("77")) {
                    return null;
                }
                mu = planned / Seeds.uniform(random, 150, 400);
            }
            default -> mu = planned / Seeds.uniform(random, 150, 300);
        }
        return Fmt.round1(Math.max(1, mu));
    }

    private static LocalDate date(Timeline timeline, int index, SplittableRandom random) {
        int year = timeline.startYear() + Math.floorDiv(index, 12);
        int month = Math.floorMod(index, 12) + 1;
        return LocalDate.of(year, month, Seeds.between(random, 1, 28));
    }

    /** Completed investment, 万元, by county × year (本年完成投资 at each project's last report of the year): all, and 工业 only. */
    static double[][][] investmentByCounty(List<Project> projects, int regions, Timeline timeline) {
        double[][][] out = new double[2][regions][timeline.years()];
        for (Project p : projects) {
            for (int year = timeline.startYear(); year <= timeline.lastYear(); year++) {
                double ytd = investedIn(p, year, timeline);
                out[0][p.region().index()][year - timeline.startYear()] += ytd;
                if (p.industrial()) {
                    out[1][p.region().index()][year - timeline.startYear()] += ytd;
                }
            }
        }
        return out;
    }

    static void write(OutputDir out, List<Project> projects, Timeline timeline, String place, LocalDateTime stamp, long seed) {
        int n = timeline.months();
        long rows = 0;
        for (Project p : projects) {
            rows += p.lastReport() - p.firstReport() + 1;
        }
        Set<Long> textRows = chooseTextRows(projects, timeline, rows, seed);
        DecimalFormat grouped = new DecimalFormat("#,##0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        String title = place + "固定资产投资项目月报（" + timeline.startYear() + "年1月—" + timeline.lastYear() + "年"
                + timeline.month(n - 1) + "月）";
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(SHEET);
            CellStyle titleStyle = wb.createCellStyle();
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            titleStyle.setFont(titleFont);
            titleStyle.setAlignment(HorizontalAlignment.CENTER);
            titleStyle.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle headerStyle = wb.createCellStyle();
            Font headerFont = wb.createFont();
            headerFont.setBold(true);
            headerStyle.setFont(headerFont);
            headerStyle.setAlignment(HorizontalAlignment.CENTER);
            headerStyle.setWrapText(true);
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle moneyStyle = wb.createCellStyle();
            moneyStyle.setDataFormat(wb.createDataFormat().getFormat("0.00"));

            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(24);
            Cell titleCell = titleRow.createCell(0);
            titleCell.setCellValue(title);
            titleCell.setCellStyle(titleStyle);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADER.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADER.get(c));
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(c, (c == 2 ? 40 : c == 1 ? 26 : 13) * 256);
            }
            sheet.createFreezePane(0, 2);

            long rowIndex = 0;
            int excelRow = 2;
            for (int t = 0; t < n; t++) {
                String period = timeline.period(t);
                int yearStart = timeline.index(timeline.year(t), 1);
                for (Project p : projects) {
                    if (t < p.firstReport() || t > p.lastReport()) {
                        continue;
                    }
                    Row row = sheet.createRow(excelRow++);
                    double total = p.completedTotal(t);
                    double ytd = Fmt.round2(total - p.completedTotal(yearStart - 1));
                    double outputYtd = 0;
                    for (int k = yearStart; k <= t; k++) {
                        outputYtd += p.output(k);
                    }
                    boolean textRow = textRows.contains(rowIndex);
                    text(row, 0, period);
                    text(row, 1, p.code());
                    text(row, 2, p.name());
                    text(row, 3, p.region().code());
                    text(row, 4, p.dl());
                    text(row, 5, p.type());
                    if (textRow) {
                        // Typed by hand with a thousands separator: Excel keeps it as text.
                        text(row, 6, grouped.format(p.planned()));
                    } else {
                        number(row, 6, p.planned(), moneyStyle);
                    }
                    number(row, 7, ytd, moneyStyle);
                    number(row, 8, total, moneyStyle);
                    if (p.land() != null) {
                        number(row, 9, p.land(), null);
                    }
                    date(row, 10, p.signDate(), dateStyle);
                    date(row, 11, p.plannedStart(), dateStyle);
                    date(row, 12, p.start() != NONE && p.start() <= t ? p.startDate() : null, dateStyle);
                    date(row, 13, p.plannedCompletion(), dateStyle);
                    date(row, 14, p.completion() != NONE && p.completion() <= t ? p.completionDate() : null, dateStyle);
                    text(row, 15, status(p, t));
                    text(row, 16, p.capacity() != NONE && t >= p.capacity() ? "是" : "否");
                    number(row, 17, Fmt.round2(outputYtd), moneyStyle);
                    number(row, 18, Fmt.round2(outputYtd * p.taxRatio()), moneyStyle);
                    date(row, 19, p.plannedCapacityDate(), dateStyle);
                    date(row, 20, p.capacity() != NONE && t >= p.capacity() ? p.capacityDate() : null, dateStyle);
                    rowIndex++;
                }
            }
            Xlsx.save(out, FILE, wb, stamp, rows);
            wb.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String status(Project p, int t) {
        if (p.start() == NONE || t < p.start()) {
            return "签约";
        }
        if (t == p.start()) {
            return "开工";
        }
        if (p.completion() == NONE || t < p.completion()) {
            return "在建";
        }
        if (p.production() != NONE && t >= p.production()) {
            return "投产";
        }
        return "竣工";
    }

    /** Rows (in file order) whose planned total is typed as text; only totals of at least 1,000 so a separator shows. */
    private static Set<Long> chooseTextRows(List<Project> projects, Timeline timeline, long rows, long seed) {
        List<Long> eligible = new ArrayList<>();
        long rowIndex = 0;
        for (int t = 0; t < timeline.months(); t++) {
            for (Project p : projects) {
                if (t < p.firstReport() || t > p.lastReport()) {
                    continue;
                }
                if (p.planned() >= 1000) {
                    eligible.add(rowIndex);
                }
                rowIndex++;
            }
        }
        SplittableRandom random = Seeds.random(seed, "projects-text-cells");
        Set<Long> chosen = new TreeSet<>();
        while (chosen.size() < Math.min(TEXT_NUMBER_ROWS, eligible.size())) {
            chosen.add(eligible.get(random.nextInt(eligible.size())));
        }
        return chosen;
    }

    private static void text(Row row, int c, String value) {
        row.createCell(c).setCellValue(value);
    }

    private static void number(Row row, int c, double value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void date(Row row, int c, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }
}
