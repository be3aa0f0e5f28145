package org.countyscope.report.chart;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartSamplesTest {
    @Test
    void writesEveryChartIntoTargetForALook() throws Exception {
        Path dir = Path.of("target", "chart-samples");
        for (ChartFixtures.Sample s : ChartFixtures.all()) {
            ChartFiles.Written w = ChartFiles.write(s.chart().get(), dir, s.name(), s.width(), s.height());
            assertTrue(Files.size(w.png()) > 0, () -> s.name() + ".png is empty");
        }
        List<CategoryValue> longNames = List.of(new CategoryValue(ChartFixtures.LONG_NAME, -3.2),
            new CategoryValue("崆峒区", 6.8), new CategoryValue("平凉市工业和信息化局（市中小企业发展服务中心）", 2.5),
            new CategoryValue("华亭市", 9.5));
        ChartFiles.write(Charts.growthAgainstCity("长名称单位增速", longNames, 4.9), dir, "long_names", 900,
            ChartFiles.heightFor(longNames.size()));
    }
}
