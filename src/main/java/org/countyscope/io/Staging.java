package org.countyscope.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.countyscope.dataset.ColumnSpec;
import org.countyscope.dataset.DatasetSpec;
import org.countyscope.dataset.Datasets;
import org.countyscope.dataset.HeaderMapping;
import org.countyscope.io.source.RawRecord;
import org.countyscope.io.source.SourceException;
import org.countyscope.io.source.SourceFiles;
import org.countyscope.io.source.SourceTable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.countyscope.dataset.Columns.EXTRA;
import static org.countyscope.dataset.Columns.SOURCE_ROW;

/**
 * Reads one source file to the end and writes it as JSON lines under canonical names. Any structural fault
 * (undecodable bytes, unterminated quote, unknown layout, missing required column) surfaces here, before a single
 * table is touched, as a {@link SourceException}.
 */
public final class Staging {
    /** Ordinal of a record within its file: the bronze key together with the file checksum. */
    public static final String SEQ = "_seq";
    /** How many cells the record had, to catch truncated and overlong rows. */
    public static final String NCELLS = "_ncells";

    private static final JsonFactory JSON = new JsonFactory();

    private Staging() {
    }

    /** The schema of staged JSON for a dataset: every column as text, plus the record's position and extras. */
    public static StructType schema(DatasetSpec spec) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(SEQ, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(SOURCE_ROW, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(NCELLS, DataTypes.IntegerType, false));
        for (ColumnSpec c : spec.columns()) {
            fields.add(DataTypes.createStructField(c.name(), DataTypes.StringType, true));
        }
        fields.add(DataTypes.createStructField(EXTRA,
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true));
        return DataTypes.createStructType(fields);
    }

    /**
     * Stages one file.
     *
     * @param file     the source file
     * @param declared charset to use instead of detection, or null
     * @param forced   dataset to use instead of detection from the header, or null
     * @param dir      where to write the JSON lines
     */
    public static StagedFile stage(Path file, Charset declared, DatasetSpec forced, Path dir) {
        return stage(file, sha256(file), declared, forced, dir);
    }

    /** Stages one file whose checksum the caller has already computed. */
    public static StagedFile stage(Path file, String checksum, Charset declared, DatasetSpec forced, Path dir) {
        try (SourceTable table = SourceFiles.open(file, declared)) {
            List<String> header = table.header();
            HeaderMapping mapping = mapping(table, header, forced);
            Path out = dir.resolve(checksum.substring(0, 16) + "-" + mapping.spec().name() + ".jsonl");
            Files.createDirectories(dir);
            long n = write(table.records(), mapping, header, out);
            return new StagedFile(file, mapping.spec(), out, checksum, table.format(), table.encoding(), n,
                header.size(), List.copyOf(mapping.extras().values()), Map.copyOf(table.metadata()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage " + file, e);
        }
    }

    private static HeaderMapping mapping(SourceTable table, List<String> header, DatasetSpec forced) {
        DatasetSpec spec = forced != null ? forced
            : "nbs-export".equals(table.format()) ? Datasets.NBS_SERIES : null;
        if (spec != null) {
            HeaderMapping m = HeaderMapping.map(header, spec);
            if (!m.complete()) {
                throw new SourceException("缺少必填列：" + String.join("、", m.missing()) + "（数据集：" + spec.label() + "）");
            }
            return m;
        }
        return HeaderMapping.detect(header, Datasets.ALL).orElseThrow(() -> {
            HeaderMapping closest = HeaderMapping.closest(header, Datasets.ALL);
            return new SourceException("无法识别数据集：表头与任何数据集都不符。最接近的是“" + closest.spec().label()
                + "”，缺少必填列：" + String.join("、", closest.missing()));
        });
    }

    private static long write(Iterator<RawRecord> records, HeaderMapping mapping, List<String> header, Path out)
        throws IOException {
        int[] pos = mapping.positions();
        List<ColumnSpec> cols = mapping.spec().columns();
        long seq = 0;
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
             JsonGenerator g = JSON.createGenerator(os, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            while (records.hasNext()) {
                RawRecord r = records.next();
                List<String> cells = r.cells();
                g.writeStartObject();
                g.writeNumberField(SEQ, seq++);
                g.writeNumberField(SOURCE_ROW, r.row());
                g.writeNumberField(NCELLS, cells.size());
                for (int c = 0; c < cols.size(); c++) {
                    if (pos[c] >= 0 && pos[c] < cells.size()) {
                        g.writeStringField(cols.get(c).name(), cells.get(pos[c]));
                    }
                }
                if (!mapping.extras().isEmpty()) {
                    g.writeObjectFieldStart(EXTRA);
                    for (Map.Entry<Integer, String> e : mapping.extras().entrySet()) {
                        if (e.getKey() < cells.size()) {
                            g.writeStringField(e.getValue(), cells.get(e.getKey()));
                        }
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeRaw('\n');
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return seq;
    }

    /** SHA-256 of a file's bytes, hex: the identity of a submission, whatever its name. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new SourceException("无法读取文件：" + file.getFileName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
