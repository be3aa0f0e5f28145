package org.countyscope.pipeline;

import java.util.List;

/**
 * What an ingest run did, per dataset and per rejected file.
 *
 * @param batchId  the run's batch id
 * @param release  the release label given to changed rows
 * @param datasets one line per dataset loaded
 * @param rejected files rejected whole, with the reason
 * @param alreadyLoaded files whose content (checksum) the ingest log already lists: not staged, not read again
 */
public record IngestReport(String batchId, String release, List<DatasetLoad> datasets, List<RejectedFile> rejected,
                           List<String> alreadyLoaded) {

    public IngestReport(String batchId, String release, List<DatasetLoad> datasets, List<RejectedFile> rejected) {
        this(batchId, release, datasets, rejected, List.of());
    }

    /** One dataset's counts: records read, rows accepted into silver, records quarantined, table versions. */
    public record DatasetLoad(String dataset, String label, int files, long read, long accepted, long quarantined,
                              long inserted, long updated, long unchanged, long bronzeVersion, long silverVersion) {
    }

    /** A file that changed no table, and why. */
    public record RejectedFile(String file, String reason) {
    }

    public boolean anyRejected() {
        return !rejected.isEmpty();
    }
}
