package org.countyscope.report;

import org.countyscope.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CjkFontTest {
    @Test
    void drawsTheBureausWords() {
        String text = "1—6月，泾川县规上工业增加值同比增长5.2%，高于全市1.1个百分点，居全市第3位。亿元 万元 序时进度 招商引资 …";
        assertEquals(-1, CjkFont.firstUndrawable(text), () -> "undrawable: " + text.charAt(CjkFont.firstUndrawable(text)));
    }

    @Test
    void drawsEveryIndustryAndRegionName() {
        ReferenceData.get().industries().values().forEach(i ->
            assertEquals(-1, CjkFont.firstUndrawable(i.name()), () -> "industry name not drawable: " + i.name()));
        ReferenceData.get().regions().values().forEach(r ->
            assertEquals(-1, CjkFont.firstUndrawable(r.name()), () -> "region name not drawable: " + r.name()));
    }

    @Test
    void cannotDrawWhatIsNotInTheSubset() {
        // 𠀀 (U+20000, CJK Extension B) is outside GB 2312 and the reference files: the check must say so
        assertEquals(0, CjkFont.firstUndrawable(new String(Character.toChars(0x20000))));
    }

    @Test
    void writesTheFileForLibrariesThatWantAPath(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path p = CjkFont.writeTo(dir);
        assertEquals(CjkFont.bytes().length, Files.size(p));
        assertTrue(CjkFont.awt(Font.BOLD, 14f).isBold());
    }
}
