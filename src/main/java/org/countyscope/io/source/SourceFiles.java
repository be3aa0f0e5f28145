package org.countyscope.io.source;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Opens any supported file: picks the format from the extension and content. */
public final class SourceFiles {

    private SourceFiles() {
    }

    /**
     * Opens {@code file} for reading; {@code declared} is the charset of a text file if known, null to detect it.
     * Throws SourceException if the file is missing, of an unsupported type, or structurally wrong.
     */
    public static SourceTable open(Path file, Charset declared) {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new SourceException("找不到文件：" + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new SourceException("不是文件：" + file);
        }
        String name = file.getFileName().toString();
        String extension = extension(name);
        return switch (extension) {
            case "csv", "txt", "tsv" -> {
                byte[] head = Encodings.head(file, 4);
                // A workbook renamed to .csv is still a workbook.
                yield XlsxTable.isZip(head) || XlsxTable.isOle2(head)
                        ? XlsxTable.open(file)
                        : TextSources.open(file, declared);
            }
            case "xlsx", "xls" -> {
                byte[] head = Encodings.head(file, 4);
                yield XlsxTable.isZip(head) || XlsxTable.isOle2(head) ? XlsxTable.open(file) : textNamedXlsx(file, declared);
            }
            default -> throw new SourceException("不支持的文件类型：" + (extension.isEmpty() ? name : "." + extension)
                    + "（可以提交 .csv、.txt、.tsv 或 .xlsx 文件）");
        };
    }

    /** A CSV saved under an .xlsx name is read as the CSV it is; anything else is no workbook. */
    private static SourceTable textNamedXlsx(Path file, Charset declared) {
        String start = new String(Encodings.head(file, 64), java.nio.charset.StandardCharsets.ISO_8859_1)
            .replace("\u00EF\u00BB\u00BF", "").strip().toLowerCase(Locale.ROOT);
        if (start.startsWith("<")) {
            // Older systems export "Excel" files that are web pages or XML spreadsheets.
            throw new SourceException("不是有效的 XLSX 文件：" + file.getFileName() + " 是网页（HTML）或 XML 格式，不是 Excel 工作簿。"
                + "请在 Excel 中打开后“另存为” .xlsx 再提交");
        }
        try {
            return TextSources.open(file, declared);
        } catch (SourceException e) {
            throw new SourceException("不是有效的 XLSX 文件：" + file.getFileName()
                + " 既不是 Excel 工作簿，也不是可以读取的文本表格（" + e.getMessage() + "）", e);
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
